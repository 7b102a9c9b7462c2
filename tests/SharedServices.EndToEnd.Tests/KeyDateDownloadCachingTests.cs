using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Partnerships;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The key-date downloads over HTTP: each carries its version as an ETag and stays private to the signed-in person; a
/// client holding the current version is answered 304 without the key dates being read; one holding an old version
/// gets the new file; and a council is never sent another's file, nor told another's copy is current.
/// </summary>
public sealed class KeyDateDownloadCachingTests(HttpHost host) : IClassFixture<HttpHost>
{
    // 1 June 2014 and 3,650 days on: the Isle of Wight's education support term ends 31 August 2015; Halton's two
    // partnerships record no end of term and no notice, so Halton has no key dates in it (as in CalendarFeedTests).
    private const string Calendar = "/key-dates/calendar.ics?asOf=2014-06-01&within=3650";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue? held = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (held is not null) request.Headers.IfNoneMatch.Add(held);
        return await client.SendAsync(request);
    }

    /// <summary>The person's browser may keep it but must ask before each use; no shared cache may keep it.</summary>
    private static void AssertPrivate(HttpResponseMessage response)
    {
        var control = response.Headers.CacheControl ?? throw new Xunit.Sdk.XunitException("No Cache-Control.");
        Assert.Equal((true, true, false), (control.Private, control.NoCache, control.Public));
    }

    [Fact]
    public async Task Calendar_AskedAgainWithItsETag_NotModifiedWithoutReadingTheKeyDates()
    {
        using var first = await GetAsync(host.Client, Calendar);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        AssertPrivate(first);
        var tag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("The calendar has no ETag.");
        var body = await first.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;VALUE=DATE:20150831", body);

        using var counter = new QueryCounter(host.DataFolder);
        using var again = await GetAsync(host.Client, Calendar, tag);
        var readOnAgain = counter.Containing("\"StoredKeyDates\"").Concat(counter.Containing("\"Partnerships\"")).ToList();
        counter.Clear();
        using var plain = await GetAsync(host.Client, Calendar);
        var readOnPlain = counter.Containing("\"StoredKeyDates\"").Concat(counter.Containing("\"Partnerships\"")).ToList();

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        AssertPrivate(again);
        Assert.Empty(readOnAgain);
        // Asked without the ETag, the kept file is sent: the same text, and still nothing read but the stamps.
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(body, await plain.Content.ReadAsStringAsync());
        Assert.Empty(readOnPlain);
        Assert.Single(counter.Containing("\"ChangeStamps\""));
    }

    [Fact]
    public async Task Workbook_OldETagAfterADecision_TheNewWorkbookWithItsCallIn()
    {
        const string workbook = "/key-dates/workbook.xlsx?within=30";
        using var before = await GetAsync(host.Client, workbook);
        var old = before.Headers.ETag ?? throw new Xunit.Sdk.XunitException("The workbook has no ETag.");
        Assert.Empty(CallIns(await before.Content.ReadAsByteArrayAsync()));

        // A cabinet decision on the buy-back published on Monday 23 November 2026, subject to IWC's five-day call-in.
        using (Testers.AsSystem())
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync();
            var iwc = await db.Organisations.SingleAsync(o => o.ShortCode == "IWC");
            var buyBack = await db.Partnerships.SingleAsync(p => p.Code == "iwc-hcc-buy-back");
            buyBack.AddDecision(new DecisionRecord(iwc.Id, "Cabinet", "CAB 2", new DateOnly(2026, 11, 19), true, true, "Agreed.", publishedOn: AppHost.Today));
            await db.SaveChangesAsync();
        }
        using var after = await GetAsync(host.Client, workbook, old);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(old, after.Headers.ETag);
        AssertPrivate(after);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal("key-dates-2026-11-23-30-days.xlsx", after.Content.Headers.ContentDisposition?.FileNameStar);
        // Five working days after Monday 23 November: Tuesday 24, Wednesday 25, Thursday 26, Friday 27, Monday 30.
        Assert.Equal([new DateTime(2026, 11, 30)], CallIns(await after.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The dates of the workbook's call-in rows.</summary>
    private static IReadOnlyList<DateTime> CallIns(byte[] file)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        return workbook.Worksheet("Key dates").RowsUsed().Where(r => r.Cell(2).GetString() == "Call-in ends").Select(r => r.Cell(1).GetDateTime()).ToList();
    }

    [Fact]
    public async Task Calendar_TwoCouncils_NeverEachOthersFile()
    {
        var halton = await host.ClientForAsync("HBC");

        using var isleOfWights = await GetAsync(host.Client, Calendar);
        using var haltons = await GetAsync(halton, Calendar);
        // Halton presenting the Isle of Wight's version is sent its own file, not told that copy is current.
        using var haltonWithTheirs = await GetAsync(halton, Calendar, isleOfWights.Headers.ETag);

        Assert.Contains("DTSTART;VALUE=DATE:20150831", await isleOfWights.Content.ReadAsStringAsync());
        Assert.NotEqual(isleOfWights.Headers.ETag, haltons.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, haltonWithTheirs.StatusCode);
        Assert.Equal(haltons.Headers.ETag, haltonWithTheirs.Headers.ETag);
        var text = await haltonWithTheirs.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", text);
        Assert.DoesNotContain("BEGIN:VEVENT", text);
        Assert.DoesNotContain("iwc", text, StringComparison.OrdinalIgnoreCase);
    }
}
