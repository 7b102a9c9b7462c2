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

    public static void Write(Settlement settlement, RechargePeriod period, Stream output)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(period);
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
        WorkbookFile.Save(workbook, output, report.Formulas);
    }
}
