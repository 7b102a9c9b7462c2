using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Activity;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.Exports;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Activity;

/// <summary>The activity template, written for a partnership whose services an officer named with formula-injection payloads.</summary>
public abstract class ActivityTemplateTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    // A service's name is trimmed when saved, so no payload here starts with a tab or carriage return.
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)"];

    private async Task<ActivityServices> PartnershipWithPayloadServicesAsync()
    {
        await using var db = Factory.CreateDbContext();
        var partnership = await db.Partnerships.Include(p => p.Services).Where(p => p.Services.Any()).OrderBy(p => p.Code).FirstAsync();
        var template = partnership.Services[0];
        foreach (var payload in Payloads)
            partnership.AddService(new TradedService(payload, template.ProviderId, template.RecipientId,
                startDate: new DateOnly(2013, 4, 1), endDate: new DateOnly(2014, 3, 31)));
        await db.SaveChangesAsync();
        return await ActivityServices.LoadAsync(db, partnership.Code, CancellationToken.None);
    }

    [Fact]
    public async Task WriteXlsx_ServicesNamedLikeFormulas_ListedAsTextWithTheExactCharacters()
    {
        var services = await PartnershipWithPayloadServicesAsync();
        var file = new MemoryStream();

        ActivityTemplate.WriteXlsx(services, file);

        using var workbook = new XLWorkbook(new MemoryStream(file.ToArray()));
        var list = workbook.Worksheet(ActivityTemplate.ServicesSheet);
        Assert.Empty(list.CellsUsed(c => c.HasFormula));
        foreach (var payload in Payloads)
        {
            var cell = Assert.Single(list.Column(1).CellsUsed(c => c.GetString() == payload));
            Assert.Equal(XLDataType.Text, cell.DataType);
            // Excel's quote prefix keeps it text even when someone edits the cell and presses Enter.
            Assert.True(cell.Style.IncludeQuotePrefix, payload);
            // The same row's dates, as written for 1 April 2013 to 31 March 2014.
            Assert.Equal(("1 April 2013", "31 March 2014"), (cell.CellRight(1).GetString(), cell.CellRight(2).GetString()));
        }
        Assert.Empty(WorkbookChecks.ValidationErrors(file.ToArray()));
    }

    [Fact]
    public void Csv_TheHeaderRow_ExactBytes()
    {
        // EF BB BF is UTF-8's byte-order mark; then the seven column names and CRLF.
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "Service,Date,Quantity,Unit,Actual cost,Description,Reference\r\n"u8.ToArray()], ActivityTemplate.Csv());
    }
}

public sealed class ActivityTemplateTests_Sqlite : ActivityTemplateTests<SqliteTestDatabase>;

public sealed class ActivityTemplateTests_Postgres : ActivityTemplateTests<PostgresTestDatabase>;
