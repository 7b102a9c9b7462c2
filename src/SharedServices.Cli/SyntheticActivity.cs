using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SharedServices.Core.Charging;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Money;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>One made-up row of activity: quantity and unit, or an actual cost in pence.</summary>
internal readonly record struct SyntheticActivityRow(int Service, DateOnly Date, decimal? Quantity, string? Unit, long? CostPence, string Description, string Reference);

/// <summary>
/// Made-up activity for the import benchmark: a partnership with a service at a day rate, one per unit, one at an
/// hourly rate and a cost share, and as many rows against them as asked, written as the template's CSV or as an
/// .xlsx the way Excel saves one (shared strings, dates as day numbers with a date format). The same count always
/// gives the same rows, and rows are generated as they are written, never held.
/// </summary>
internal static class SyntheticActivity
{
    public const string PartnershipCode = "bench-activity-import";

    public static readonly (string Name, ChargingBasis Basis)[] Services =
    [
        ("Educational psychology", ChargingBasis.DayRate(new Money(450_00))),
        ("Speech and language assessments", ChargingBasis.PerUnit(new Money(180_00), "assessment")),
        ("Payroll support", ChargingBasis.HourlyRate(new Money(38_50))),
        ("Shared director post", ChargingBasis.CostShare(50m, new Money(120_000_00), InstalmentFrequency.Quarterly)),
    ];

    private static readonly DateOnly Start = new(2013, 4, 1);
    private static readonly DateOnly End = new(2023, 3, 31);

    private static readonly string[] Descriptions =
    [
        "Casework at a primary school", "Statutory assessment", "Consultation with the SENCo", "Training for teaching assistants",
        "Monthly payroll run", "Salary and on-costs", "Report writing", "Team around the family meeting",
    ];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Adds two councils and the benchmark's partnership with its four services and their charges; returns the service ids.</summary>
    public static async Task<int[]> AddPartnershipAsync(SharedServicesDbContextFactory factory, CancellationToken cancel)
    {
        int[] ids;
        await using (var db = factory.CreateDbContext())
        {
            var provider = new Organisation("Benchmark Provider Council", "BPC", OrganisationKind.UnitaryAuthority);
            var recipient = new Organisation("Benchmark Recipient Council", "BRC", OrganisationKind.UnitaryAuthority);
            db.Organisations.AddRange(provider, recipient);
            await db.SaveChangesAsync(cancel);
            var partnership = new Partnership(PartnershipCode, "Benchmark activity import", PartnershipKind.TradedServices,
                [new PartnershipParty(provider.Id, PartyRole.Provider), new PartnershipParty(recipient.Id, PartyRole.Recipient)]);
            var services = Services.Select(s => partnership.AddService(new TradedService(s.Name, provider.Id, recipient.Id, startDate: Start, endDate: End))).ToList();
            db.Partnerships.Add(partnership);
            await db.SaveChangesAsync(cancel);
            ids = services.Select(s => s.Id).ToArray();
        }
        var schedules = new ChargeSchedules(factory, TimeProvider.System);
        for (var i = 0; i < Services.Length; i++)
            await schedules.AddVersionAsync(ids[i], new RateVersionInput(Start, Services[i].Basis), cancel: cancel);
        return ids;
    }

    public static IEnumerable<SyntheticActivityRow> Rows(int count)
    {
        var random = new Random(20130401);
        var days = End.DayNumber - Start.DayNumber + 1;
        for (var i = 0; i < count; i++)
        {
            var service = random.Next(Services.Length);
            var date = Start.AddDays(random.Next(days));
            var description = Descriptions[random.Next(Descriptions.Length)];
            var reference = $"BENCH-{i + 1:D7}";
            yield return service switch
            {
                0 => Quantity(random.Next(1, 11) * 0.5m, "day", "days"),
                1 => Quantity(random.Next(1, 13), "assessment", "assessments"),
                2 => Quantity(random.Next(1, 81) * 0.25m, "hour", "hours"),
                _ => new SyntheticActivityRow(service, date, null, null, random.Next(100_00, 12_000_00), description, reference),
            };

            SyntheticActivityRow Quantity(decimal quantity, string one, string many) =>
                new(service, date, quantity, quantity == 1 ? one : many, null, description, reference);
        }
    }

    public static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 65536);
        writer.Write("Service,Date,Quantity,Unit,Actual cost,Description,Reference\r\n");
        foreach (var r in Rows(count))
        {
            writer.Write(Services[r.Service].Name);
            writer.Write(',');
            writer.Write(r.Date.ToString("dd/MM/yyyy", Invariant));
            writer.Write(',');
            if (r.Quantity is { } q) writer.Write(q.ToString(Invariant));
            writer.Write(',');
            writer.Write(r.Unit);
            writer.Write(',');
            if (r.CostPence is { } pence) writer.Write((pence / 100m).ToString("0.00", Invariant));
            writer.Write(',');
            writer.Write(r.Description);
            writer.Write(',');
            writer.Write(r.Reference);
            writer.Write("\r\n");
        }
    }

    /// <summary>
    /// A workbook written with the Open XML SDK's forward-only writer: text in a shared-string table as Excel keeps
    /// it, quantities and costs as numbers, dates as day numbers with the built-in date format (numFmt 14), and
    /// <c>r=</c> cell references, so Excel and ClosedXML read it as they would one of their own.
    /// </summary>
    public static void WriteXlsx(string path, int count)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        var strings = new Dictionary<string, int>();
        var cell = new Cell();
        using (var writer = OpenXmlWriter.Create(worksheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetDimension { Reference = $"A1:G{count + 1}" });
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, ["Service", "Date", "Quantity", "Unit", "Actual cost", "Description", "Reference"]);
            var rowNumber = 1;
            foreach (var r in Rows(count))
            {
                rowNumber++;
                writer.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
                Text(writer, "A", rowNumber, Services[r.Service].Name);
                Number(writer, "B", rowNumber, r.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(Invariant), dateStyle: true);
                if (r.Quantity is { } q) Number(writer, "C", rowNumber, q.ToString(Invariant));
                if (r.Unit is { } unit) Text(writer, "D", rowNumber, unit);
                if (r.CostPence is { } pence) Number(writer, "E", rowNumber, (pence / 100m).ToString(Invariant));
                Text(writer, "F", rowNumber, r.Description);
                Text(writer, "G", rowNumber, r.Reference);
                writer.WriteEndElement();
            }
            writer.WriteEndElement(); // sheetData
            writer.WriteEndElement(); // worksheet
        }

        var sharedStrings = workbook.AddNewPart<SharedStringTablePart>();
        using (var writer = OpenXmlWriter.Create(sharedStrings))
        {
            writer.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
            foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key)) writer.WriteElement(new SharedStringItem(new Text(text)));
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Activity" }));
        workbook.Workbook.Save();

        void WriteRow(OpenXmlWriter writer, int row, string[] texts)
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)row });
            for (var c = 0; c < texts.Length; c++) Text(writer, ((char)('A' + c)).ToString(), row, texts[c]);
            writer.WriteEndElement();
        }

        void Text(OpenXmlWriter writer, string column, int row, string text)
        {
            if (!strings.TryGetValue(text, out var index)) strings.Add(text, index = strings.Count);
            cell.CellReference = column + row.ToString(Invariant);
            cell.DataType = CellValues.SharedString;
            cell.StyleIndex = null;
            cell.CellValue = new CellValue(index.ToString(Invariant));
            writer.WriteElement(cell);
        }

        void Number(OpenXmlWriter writer, string column, int row, string value, bool dateStyle = false)
        {
            cell.CellReference = column + row.ToString(Invariant);
            cell.DataType = null;
            cell.StyleIndex = dateStyle ? 1u : null;
            cell.CellValue = new CellValue(value);
            writer.WriteElement(cell);
        }
    }
}
