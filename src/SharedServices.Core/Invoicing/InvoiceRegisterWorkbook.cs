using System.Globalization;
using SharedServices.Core.Exports;
using SharedServices.Domain.Invoicing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace SharedServices.Core.Invoicing;

using SharedServices.Domain.Money;

/// <summary>
/// One invoice (or credit note) in the register, as the register shows it. A credit note's net, VAT and gross are
/// negative, so a column's total is what was billed net of credit.
/// </summary>
public sealed record InvoiceRegisterRow(
    string? Number, InvoiceKind Kind, InvoiceStatus Status, string Partnership, string Provider, string Recipient, string Period,
    DateOnly? IssuedOn, DateOnly? DueOn, Money Net, Money Vat, Money Gross, Money Paid, Money Credited, Money Outstanding, int DaysOverdue)
{
    /// <summary>The register's row for <paramref name="invoice"/>, judged on <paramref name="asOf"/>.</summary>
    public static InvoiceRegisterRow Of(Invoice invoice, string partnership, string provider, string recipient, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var sign = invoice.Kind == InvoiceKind.CreditNote ? -1 : 1;
        var outstanding = invoice.Outstanding;
        return new InvoiceRegisterRow(invoice.Number, invoice.Kind, invoice.Status, partnership, provider, recipient, invoice.PeriodLabel,
            invoice.IssuedOn, invoice.DueOn, new Money(sign * invoice.Net.Pence), new Money(sign * invoice.Vat.Pence), new Money(sign * invoice.Gross.Pence),
            invoice.Paid, invoice.Credited, outstanding,
            invoice.DueOn is { } due && outstanding > Money.Zero ? Math.Max(0, asOf.DayNumber - due.DayNumber) : 0);
    }
}

/// <summary>What the register's totals row added up to (the values cached beside its SUM formulas), and how many rows it has.</summary>
public sealed record InvoiceRegisterTotals(int Rows, Money Net, Money Vat, Money Gross, Money Paid, Money Credited, Money Outstanding);

/// <summary>
/// The invoice register as an Excel workbook: one row per invoice, written with SpreadCheetah as the rows arrive, so
/// a register of 10,000 or 100,000 invoices takes no more memory than one of ten. Amounts are real numbers in pounds
/// (£#,##0.00), dates real dates (d mmmm yyyy); the header rows stay on screen; the totals row is SUM formulas with
/// their values cached. Every text cell is an inline string, which a spreadsheet never runs as a formula.
/// </summary>
public static class InvoiceRegisterWorkbook
{
    public const string SheetName = "Register";
    public const int TitleRow = 1;
    public const int NoteRow = 2;
    public const int HeaderRow = 3;
    public const int FirstRow = 4;
    public const string NoInvoicesText = "No invoices match.";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Number", "Kind", "Status", "Partnership", "Provider", "Recipient", "Period", "Issued", "Due",
        "Net", "VAT", "Gross", "Paid", "Credited", "Outstanding", "Days overdue",
    ];

    /// <summary>The money columns, J to O: each has a SUM in the totals row.</summary>
    public const int FirstMoneyColumn = 10;
    public const int LastMoneyColumn = 15;

    private static readonly double[] Widths = [20, 20, 11, 34, 28, 28, 18, 17, 17, 14, 13, 14, 14, 14, 14, 9];

    public static string StatusText(InvoiceStatus status) => status == InvoiceStatus.PartPaid ? "Part-paid" : status.ToString();

    /// <summary>
    /// Writes the register of <paramref name="rows"/> to <paramref name="output"/> under <paramref name="title"/> and a
    /// note saying what it covers; reads the rows one at a time and holds none of them.
    /// </summary>
    public static async Task<InvoiceRegisterTotals> WriteAsync(IAsyncEnumerable<InvoiceRegisterRow> rows, Stream output, string title, string note,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await using var sheet = await Spreadsheet.CreateNewAsync(output, Options(), cancel);
        var worksheet = new WorksheetOptions { FrozenRows = HeaderRow };
        for (var c = 0; c < Widths.Length; c++) worksheet.Column(c + 1).Width = Widths[c];
        await sheet.StartWorksheetAsync(SheetName, worksheet, cancel);
        var styles = new RegisterStyles(sheet);

        await sheet.AddRowAsync([SafeText.Cell(title, styles.Title)], cancel);
        await sheet.AddRowAsync([SafeText.Cell(note)], cancel);
        await sheet.AddHeaderRowAsync(Headers.ToArray(), styles.Header, cancel);

        var cells = new Cell[Headers.Count];
        long net = 0, vat = 0, gross = 0, paid = 0, credited = 0, outstanding = 0;
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancel))
        {
            cells[0] = SafeText.Cell(row.Number ?? "Draft");
            cells[1] = SafeText.Cell(InvoiceWorkbook.KindText(row.Kind));
            cells[2] = SafeText.Cell(StatusText(row.Status));
            cells[3] = SafeText.Cell(row.Partnership);
            cells[4] = SafeText.Cell(row.Provider);
            cells[5] = SafeText.Cell(row.Recipient);
            cells[6] = SafeText.Cell(row.Period);
            cells[7] = Date(row.IssuedOn, styles.Date);
            cells[8] = Date(row.DueOn, styles.Date);
            cells[9] = new Cell(row.Net.Pounds, styles.Money);
            cells[10] = new Cell(row.Vat.Pounds, styles.Money);
            cells[11] = new Cell(row.Gross.Pounds, styles.Money);
            cells[12] = new Cell(row.Paid.Pounds, styles.Money);
            cells[13] = new Cell(row.Credited.Pounds, styles.Money);
            cells[14] = new Cell(row.Outstanding.Pounds, styles.Money);
            cells[15] = new Cell(row.DaysOverdue);
            await sheet.AddRowAsync(cells, cancel);
            net += row.Net.Pence;
            vat += row.Vat.Pence;
            gross += row.Gross.Pence;
            paid += row.Paid.Pence;
            credited += row.Credited.Pence;
            outstanding += row.Outstanding.Pence;
            count++;
        }

        var totals = new InvoiceRegisterTotals(count, new Money(net), new Money(vat), new Money(gross), new Money(paid), new Money(credited), new Money(outstanding));
        if (count == 0)
            await sheet.AddRowAsync([SafeText.Cell(NoInvoicesText, styles.Italic)], cancel);
        else
            await sheet.AddRowAsync(TotalsRow(totals, FirstRow + count - 1, styles), cancel);
        await sheet.FinishAsync(cancel);
        return totals;
    }

    /// <summary>"Total" under the text columns, and in J to O the SUM of the rows above with the value worked out as they were written.</summary>
    private static Cell[] TotalsRow(InvoiceRegisterTotals totals, int lastRow, RegisterStyles styles)
    {
        var cells = new Cell[LastMoneyColumn];
        cells[0] = SafeText.Cell("Total", styles.TotalLabel);
        Money[] values = [totals.Net, totals.Vat, totals.Gross, totals.Paid, totals.Credited, totals.Outstanding];
        for (var i = 0; i < values.Length; i++)
        {
            var column = ColumnLetter(FirstMoneyColumn + i);
            cells[FirstMoneyColumn - 1 + i] = new Cell(new Formula($"SUM({column}{FirstRow}:{column}{lastRow})"), values[i].Pounds, styles.TotalMoney);
        }
        return cells;
    }

    private static Cell Date(DateOnly? date, StyleId style) =>
        date is { } d ? new Cell(d.ToDateTime(TimeOnly.MinValue), style) : new Cell((string?)null);

    /// <summary>
    /// SpreadCheetah's options for every workbook we stream: cell references written out (ClosedXML 0.95 and some
    /// other readers need them), leading and trailing spaces and tabs in text kept as typed.
    /// </summary>
    public static SpreadCheetahOptions Options() => new()
    {
        WriteCellReferenceAttributes = true,
        PreserveStringWhitespace = true,
        DefaultDateTimeFormat = NumberFormat.Custom(InvoiceWorkbook.DateFormat),
    };

    public static string ColumnLetter(int column) =>
        column <= 26 ? ((char)('A' + column - 1)).ToString(CultureInfo.InvariantCulture) : ColumnLetter((column - 1) / 26) + (char)('A' + (column - 1) % 26);

    /// <summary>The register's styles, added to the workbook once.</summary>
    private sealed class RegisterStyles
    {
        public RegisterStyles(Spreadsheet sheet)
        {
            Title = sheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
            Header = sheet.AddStyle(HeaderStyle());
            Money = sheet.AddStyle(new Style { Format = NumberFormat.Custom(InvoiceWorkbook.MoneyFormat) });
            Date = sheet.AddStyle(new Style { Format = NumberFormat.Custom(InvoiceWorkbook.DateFormat), Alignment = { Horizontal = HorizontalAlignment.Left } });
            TotalLabel = sheet.AddStyle(new Style { Font = { Bold = true } });
            TotalMoney = sheet.AddStyle(new Style
            {
                Font = { Bold = true },
                Format = NumberFormat.Custom(InvoiceWorkbook.MoneyFormat),
                Border = { Top = { BorderStyle = BorderStyle.Thin }, Bottom = { BorderStyle = BorderStyle.DoubleLine } },
            });
            Italic = sheet.AddStyle(new Style { Font = { Italic = true } });
        }

        public StyleId Title { get; }
        public StyleId Header { get; }
        public StyleId Money { get; }
        public StyleId Date { get; }
        public StyleId TotalLabel { get; }
        public StyleId TotalMoney { get; }
        public StyleId Italic { get; }
    }

    /// <summary>Bold on the invoice workbook's pale blue, a thin line under, wrapped: the same header as every workbook we send.</summary>
    public static Style HeaderStyle() => new()
    {
        Font = { Bold = true },
        Fill = { Color = System.Drawing.Color.FromArgb(0xD9, 0xE1, 0xF2) },
        Border = { Bottom = { BorderStyle = BorderStyle.Thin } },
        Alignment = { WrapText = true, Vertical = VerticalAlignment.Top },
    };
}
