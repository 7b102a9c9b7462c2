using ClosedXML.Excel;
using SharedServices.Core.Exports;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Core.Invoicing;

/// <summary>
/// Aged debt as an Excel workbook: one row per recipient with what it owes in each band (current, 1–30, 31–60, 61–90,
/// over 90 days overdue), each row's total and each band's total as SUM formulas whose values are the amounts on the
/// page to the penny.
/// </summary>
public static class AgedDebtWorkbook
{
    public const string SheetName = "Aged debt";
    public const int HeaderRow = 3;
    public const int FirstRow = 4;
    public const string NothingOutstandingText = "Nothing is outstanding.";

    private static readonly double[] Widths = [36, 15, 15, 15, 15, 15, 16];

    public static IReadOnlyList<string> Headers { get; } = ["Recipient", .. AgedDebt.Bands.Select(AgedDebt.Label), "Total"];

    /// <summary>"Aged debt on 20 November 2013", or "… owed to Southampton City Council".</summary>
    public static string Title(DateOnly asOf, string? providerName) =>
        $"Aged debt{(providerName is null ? "" : $" owed to {providerName}")} on {DateText.Long(asOf)}";

    public static string FileName(DateOnly asOf) => $"aged-debt-{asOf:yyyy-MM-dd}.xlsx";

    public const string InvoicesSheetName = "Invoices";
    public static readonly IReadOnlyList<string> InvoiceHeaders = ["Recipient", "Invoice", "Due", "Days overdue", "Band", "Outstanding"];
    private static readonly double[] InvoiceWidths = [36, 22, 17, 10, 14, 16];

    /// <summary>
    /// Writes the summary by recipient (<paramref name="rows"/>) and, on a second sheet, the invoices it adds up
    /// (<paramref name="debts"/>), each with its due date, days overdue and band.
    /// </summary>
    public static void Write(IReadOnlyList<AgedDebtRow> rows, IReadOnlyList<Debt> debts, DateOnly asOf, string? providerName, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(debts);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = Title(asOf, providerName);
        var report = new ReportSheet(workbook.Worksheets.Add(SheetName));
        report.Title(Title(asOf, providerName),
            "What each recipient still owes on issued invoices, by how many days overdue each invoice is on that date. An invoice due on the date is current.");
        report.Headers(HeaderRow, Headers);

        var totalColumn = Headers.Count;
        var row = FirstRow;
        foreach (var debt in rows)
        {
            report.Text(row, 1, debt.RecipientName);
            for (var b = 0; b < AgedDebt.Bands.Count; b++) report.Money(row, b + 2, debt[AgedDebt.Bands[b]].Pounds);
            report.MoneyFormula(row, totalColumn, $"SUM(B{row}:{ReportSheet.Column(totalColumn - 1)}{row})", debt.Total.Pounds);
            row++;
        }
        if (rows.Count == 0)
        {
            report.Text(FirstRow, 1, NothingOutstandingText);
            report.Sheet.Cell(FirstRow, 1).Style.Font.Italic = true;
        }
        else
        {
            report.Text(row, 1, "Total", bold: true);
            for (var c = 2; c <= totalColumn; c++)
            {
                var band = c <= AgedDebt.Bands.Count + 1 ? AgedDebt.Bands[c - 2] : (DebtBand?)null;
                var pounds = rows.Sum(r => band is { } b ? r[b].Pounds : r.Total.Pounds);
                report.MoneyFormula(row, c, $"SUM({ReportSheet.Column(c)}{FirstRow}:{ReportSheet.Column(c)}{row - 1})", pounds, total: true);
            }
        }
        report.Finish(HeaderRow, Widths, Title(asOf, providerName));
        var list = WriteInvoices(workbook.Worksheets.Add(InvoicesSheetName), debts, asOf, providerName);
        WorkbookFile.Save(workbook, output, [.. report.Formulas, .. list.Formulas]);
    }

    private static ReportSheet WriteInvoices(IXLWorksheet sheet, IReadOnlyList<Debt> debts, DateOnly asOf, string? providerName)
    {
        var report = new ReportSheet(sheet);
        var title = $"Invoices behind the {char.ToLowerInvariant(Title(asOf, providerName)[0])}{Title(asOf, providerName)[1..]}";
        report.Title(title, "Each issued invoice with money outstanding, by recipient and due date.");
        report.Headers(HeaderRow, InvoiceHeaders);
        var row = FirstRow;
        foreach (var debt in debts.OrderBy(d => d.RecipientName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.DueOn).ThenBy(d => d.InvoiceNumber, StringComparer.Ordinal))
        {
            report.Text(row, 1, debt.RecipientName);
            report.Text(row, 2, debt.InvoiceNumber);
            var due = sheet.Cell(row, 3);
            due.SetValue(debt.DueOn.ToDateTime(TimeOnly.MinValue));
            due.Style.NumberFormat.Format = InvoiceWorkbook.DateFormat;
            due.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            sheet.Cell(row, 4).SetValue(Math.Max(0, asOf.DayNumber - debt.DueOn.DayNumber));
            report.Text(row, 5, AgedDebt.Label(AgedDebt.BandOf(debt.DueOn, asOf)));
            report.Money(row, 6, debt.Outstanding.Pounds);
            row++;
        }
        if (debts.Count == 0)
        {
            report.Text(FirstRow, 1, NothingOutstandingText);
        }
        else
        {
            report.Text(row, 1, "Total", bold: true);
            report.MoneyFormula(row, 6, $"SUM(F{FirstRow}:F{row - 1})", debts.Sum(d => d.Outstanding.Pence) / 100m, total: true);
        }
        report.Finish(HeaderRow, InvoiceWidths, title);
        return report;
    }
}
