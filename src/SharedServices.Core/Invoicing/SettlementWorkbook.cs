using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// The settlement statement between two councils as an Excel workbook: what each invoiced the other, what was
/// credited and paid, each way's outstanding balance (a formula: invoiced − credited − paid), and the net amount one
/// owes the other (a formula: the first balance less the second), with who owes whom in words beneath.
/// </summary>
public static class SettlementWorkbook
{
    public const string SheetName = "Settlement";
    public const int HeaderRow = 4;
    public const int FirstWayRow = 5;
    public const int NetRow = 8;
    public const int SummaryRow = 9;

    public static readonly IReadOnlyList<string> Headers = ["Billed by", "Billed to", "Invoiced", "Credited", "Paid", "Outstanding"];

    private static readonly double[] Widths = [36, 36, 15, 15, 15, 16];

    public static string Title(Settlement settlement) =>
        $"Settlement between {settlement?.AToB.FromName} and {settlement?.AToB.ToName}";

    public static string FileName(RechargePeriod period) =>
        $"settlement-{new string((period?.Code ?? "").Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}.xlsx";

    public const string InvoicesSheetName = "Invoices";
    public const int InvoicesHeaderRow = 3;
    public const int FirstInvoiceRow = 4;

    public static readonly IReadOnlyList<string> InvoiceHeaders =
        ["Number", "Kind", "Billed by", "Billed to", "Period", "Issued", "Gross", "Paid", "Credited", "Outstanding"];

    private static readonly double[] InvoiceWidths = [22, 20, 30, 30, 18, 17, 14, 14, 14, 14];

    /// <summary>
    /// Writes the statement, and on a second sheet the issued invoices and credit notes it adds up (credit notes
    /// negative), so that either council can tick it off against its own ledger.
    /// </summary>
    public static void Write(Settlement settlement, RechargePeriod period, IReadOnlyList<InvoiceRegisterRow> invoices, Stream output)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = Title(settlement);
        var report = new ReportSheet(workbook.Worksheets.Add(SheetName));
        report.Title(Title(settlement), "Issued invoices and credit notes only; the two balances are set against each other to give one net amount.");
        report.Text(3, 1, "Period", bold: true);
        report.Text(3, 2, $"{period.Label} ({DateText.Long(period.Dates.Start)} to {DateText.Long(period.Dates.End)})");
        report.Headers(HeaderRow, Headers);

        var row = FirstWayRow;
        foreach (var way in new[] { settlement.AToB, settlement.BToA })
        {
            report.Text(row, 1, way.FromName);
            report.Text(row, 2, way.ToName);
            report.Money(row, 3, way.Invoiced.Pounds);
            report.Money(row, 4, way.Credited.Pounds);
            report.Money(row, 5, way.Paid.Pounds);
            report.MoneyFormula(row, 6, $"C{row}-D{row}-E{row}", way.Outstanding.Pounds);
            row++;
        }

        report.Text(NetRow, 1, $"Net owed to {settlement.AToB.FromName} by {settlement.AToB.ToName} (negative: owed the other way)", bold: true);
        report.Sheet.Range(NetRow, 1, NetRow, 5).Merge();
        report.MoneyFormula(NetRow, 6, $"F{FirstWayRow}-F{FirstWayRow + 1}", settlement.NetOwedToA.Pounds, total: true);
        report.Text(SummaryRow, 1, settlement.Summary, bold: true);
        report.Finish(HeaderRow, Widths, Title(settlement));
        var list = WriteInvoices(workbook.Worksheets.Add(InvoicesSheetName), settlement, invoices);
        WorkbookFile.Save(workbook, output, [.. report.Formulas, .. list.Formulas]);
    }

    private static ReportSheet WriteInvoices(IXLWorksheet sheet, Settlement settlement, IReadOnlyList<InvoiceRegisterRow> invoices)
    {
        var report = new ReportSheet(sheet);
        var title = $"Invoices and credit notes between {settlement.AToB.FromName} and {settlement.AToB.ToName}";
        report.Title(title, "Credit notes are negative, so each way's gross adds up to what it invoiced less what it credited.");
        report.Headers(InvoicesHeaderRow, InvoiceHeaders);
        var row = FirstInvoiceRow;
        foreach (var invoice in invoices)
        {
            string?[] text = [invoice.Number, InvoiceWorkbook.KindText(invoice.Kind), invoice.Provider, invoice.Recipient, invoice.Period];
            for (var c = 0; c < text.Length; c++) report.Text(row, c + 1, text[c]);
            if (invoice.IssuedOn is { } issued)
            {
                var cell = sheet.Cell(row, 6);
                cell.SetValue(issued.ToDateTime(TimeOnly.MinValue));
                cell.Style.NumberFormat.Format = InvoiceWorkbook.DateFormat;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            }
            decimal[] money = [invoice.Gross.Pounds, invoice.Paid.Pounds, invoice.Credited.Pounds, invoice.Outstanding.Pounds];
            for (var m = 0; m < money.Length; m++) report.Money(row, 7 + m, money[m]);
            row++;
        }
        if (invoices.Count == 0)
        {
            report.Text(FirstInvoiceRow, 1, "Neither billed the other for this period.");
        }
        else
        {
            report.Text(row, 1, "Total", bold: true);
            for (var c = 7; c <= InvoiceHeaders.Count; c++)
            {
                var pence = invoices.Sum(i => c switch { 7 => i.Gross.Pence, 8 => i.Paid.Pence, 9 => i.Credited.Pence, _ => i.Outstanding.Pence });
                report.MoneyFormula(row, c, $"SUM({ReportSheet.Column(c)}{FirstInvoiceRow}:{ReportSheet.Column(c)}{row - 1})", pence / 100m, total: true);
            }
        }
        report.Finish(InvoicesHeaderRow, InvoiceWidths, title);
        return report;
    }
}
