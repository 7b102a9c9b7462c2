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
/// negative: it takes away from what was billed.
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

/// <summary>
/// What the register's totals rows added up to (the values cached beside their formulas), and how many rows it has.
/// Net to Outstanding are the issued invoices' (and supplementary invoices') only, so Gross − Paid − Credited =
/// Outstanding; the issued credit notes and the drafts are added up on their own rows.
/// </summary>
public sealed record InvoiceRegisterTotals(int Rows, Money Net, Money Vat, Money Gross, Money Paid, Money Credited, Money Outstanding,
    InvoiceRegisterSubtotal CreditNotes, InvoiceRegisterSubtotal Drafts);

/// <summary>How many credit notes (or drafts) the register lists and their net, VAT and gross added up (a credit note's negative).</summary>
public sealed record InvoiceRegisterSubtotal(int Count, Money Net, Money Vat, Money Gross)
{
    public static readonly InvoiceRegisterSubtotal None = new(0, Money.Zero, Money.Zero, Money.Zero);

    public InvoiceRegisterSubtotal Add(InvoiceRegisterRow row) => new(Count + 1, Net + row.Net, Vat + row.Vat, Gross + row.Gross);
}

/// <summary>
/// The invoice register as an Excel workbook: one row per invoice, written with SpreadCheetah as the rows arrive, so
/// a register of 10,000 or 100,000 invoices takes no more memory than one of ten. Amounts are real numbers in pounds
/// (£#,##0.00), dates real dates (d mmmm yyyy); the header rows stay on screen; under the rows, SUMIFS formulas with
/// their values cached total the issued invoices, the credit notes and the drafts on a row each (see <see cref="TotalsRule"/>). Every text cell is an inline string, which a spreadsheet never runs as a formula.
/// </summary>
public static class InvoiceRegisterWorkbook
{
    public const string SheetName = "Register";
    public const int TitleRow = 1;
    public const int NoteRow = 2;
    public const int HeaderRow = 3;
    public const int FirstRow = 4;
    public const string NoInvoicesText = "No invoices match.";
    public const string TotalLabel = "Total of issued invoices";
    public const string CreditNotesLabel = "Credit notes issued";
    public const string DraftsLabel = "Drafts, not in the totals";

    /// <summary>
    /// Added to the note under the title. A credit note is already counted in the Credited column of the invoice it
    /// corrects, so adding its negative gross to the invoices' as well would count it twice; and a draft is not owed.
    /// </summary>
    public const string TotalsRule =
        "The total is of issued invoices only, so on it Gross − Paid − Credited = Outstanding. Credit notes are negative and added up on their own row " +
        "(each is already in the Credited column of the invoice it corrects); drafts are listed but not owed, and added up on the last row.";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Number", "Kind", "Status", "Partnership", "Provider", "Recipient", "Period", "Issued", "Due",
        "Net", "VAT", "Gross", "Paid", "Credited", "Outstanding", "Days overdue",
    ];

    /// <summary>The money columns, J to O: each has a SUMIFS in the totals row (J to L in the credit notes' and drafts' rows).</summary>
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
        await sheet.AddRowAsync([SafeText.Cell($"{note} {TotalsRule}")], cancel);
        await sheet.AddHeaderRowAsync(Headers.ToArray(), styles.Header, cancel);

        var cells = new Cell[Headers.Count];
        long net = 0, vat = 0, gross = 0, paid = 0, credited = 0, outstanding = 0;
        var count = 0;
        var creditNotes = InvoiceRegisterSubtotal.None;
        var drafts = InvoiceRegisterSubtotal.None;
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
            count++;
            if (row.Status == InvoiceStatus.Draft)
            {
                drafts = drafts.Add(row);
                continue;
            }
            if (row.Kind == InvoiceKind.CreditNote)
            {
                creditNotes = creditNotes.Add(row);
                continue;
            }
            net += row.Net.Pence;
            vat += row.Vat.Pence;
            gross += row.Gross.Pence;
            paid += row.Paid.Pence;
            credited += row.Credited.Pence;
            outstanding += row.Outstanding.Pence;
        }

        var totals = new InvoiceRegisterTotals(count, new Money(net), new Money(vat), new Money(gross), new Money(paid), new Money(credited), new Money(outstanding),
            creditNotes, drafts);
        if (count == 0)
        {
            await sheet.AddRowAsync([SafeText.Cell(NoInvoicesText, styles.Italic)], cancel);
        }
        else
        {
            var last = FirstRow + count - 1;
            var kinds = $"B{FirstRow}:B{last}";
            var statuses = $"C{FirstRow}:C{last}";
            var draft = StatusText(InvoiceStatus.Draft);
            var creditNote = InvoiceWorkbook.KindText(InvoiceKind.CreditNote);
            await sheet.AddRowAsync(SumRow(TotalLabel, [totals.Net, totals.Vat, totals.Gross, totals.Paid, totals.Credited, totals.Outstanding],
                $"{kinds},\"<>{creditNote}\",{statuses},\"<>{draft}\"", last, styles), cancel);
            await sheet.AddRowAsync(SumRow(CreditNotesLabel, [creditNotes.Net, creditNotes.Vat, creditNotes.Gross],
                $"{kinds},\"{creditNote}\",{statuses},\"<>{draft}\"", last, styles), cancel);
            await sheet.AddRowAsync(SumRow(DraftsLabel, [drafts.Net, drafts.Vat, drafts.Gross], $"{statuses},\"{draft}\"", last, styles), cancel);
        }
        await sheet.FinishAsync(cancel);
        return totals;
    }

    /// <summary>
    /// <paramref name="label"/> under the text columns, and from J on a SUMIFS of the rows above that meet
    /// <paramref name="criteria"/>, with the value worked out as they were written.
    /// </summary>
    private static Cell[] SumRow(string label, Money[] values, string criteria, int lastRow, RegisterStyles styles)
    {
        var cells = new Cell[FirstMoneyColumn - 1 + values.Length];
        cells[0] = SafeText.Cell(label, styles.TotalLabel);
        for (var i = 0; i < values.Length; i++)
        {
            var column = ColumnLetter(FirstMoneyColumn + i);
            cells[FirstMoneyColumn - 1 + i] = new Cell(new Formula($"SUMIFS({column}{FirstRow}:{column}{lastRow},{criteria})"), values[i].Pounds, styles.TotalMoney);
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
