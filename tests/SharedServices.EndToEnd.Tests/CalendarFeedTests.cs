using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;

namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// The secret calendar-feed address, fetched as Outlook would: with no one signed in. It answers only its owner's
/// organisation's key dates, and an unknown, malformed, revoked or replaced address answers an empty 404.
/// </summary>
public sealed class CalendarFeedTests(HttpHost host) : IClassFixture<HttpHost>
{
    // 1 June 2014 and 3,650 days on (to 28 May 2024): the Isle of Wight's education support term ends 31 August 2015
    // and the strategic partnership's initial five years from 1 July 2013 end 30 June 2018. Halton's two partnerships
    // record no end of term and no notice (seed-data/partnerships/04 and 05), so they have no key dates at all.
    private const string Window = "?asOf=2014-06-01&within=3650";

    private UserAccounts Accounts => host.Services.GetRequiredService<UserAccounts>();

    private async Task<string> TesterIdAsync(string council)
    {
        await Testers.EnsureAsync(host.Services, council);
        using (Testers.AsSystem()) return (await Accounts.ListAsync()).Single(a => a.Email == Testers.EmailFor(council)).Id;
    }

    /// <summary>A new feed token for the council's tester, made as the tester would make it on their account page.</summary>
    private async Task<string> RenewAsync(string council)
    {
        var id = await TesterIdAsync(council);
        using (CallerContext.Use((await Accounts.CallerForAsync(id))!)) return await Accounts.RenewCalendarFeedAsync(id);
    }

    private Task<HttpResponseMessage> FetchAsync(string token, string query = Window) =>
        host.Anonymous.GetAsync($"/key-dates/feed/{token}.ics{query}");

    private static async Task AssertEmptyNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_IsleOfWightTester_ShowsTheIsleOfWightsKeyDatesWithoutSigningIn()
    {
        var token = await RenewAsync("IWC");

        using var response = await FetchAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        var calendar = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", calendar);
        Assert.Contains("DTSTART;VALUE=DATE:20150831", calendar);
        Assert.Contains("DTSTART;VALUE=DATE:20180630", calendar);
        Assert.Matches(new Regex("^UID:scc-iwc-education-support-", RegexOptions.Multiline), calendar);
        Assert.Matches(new Regex("^UID:hcc-iwc-childrens-services-", RegexOptions.Multiline), calendar);
        Assert.DoesNotContain("halton", calendar, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Feed_HaltonTester_ShowsNoneOfTheIsleOfWightsDates()
    {
        var token = await RenewAsync("HBC");

        using var response = await FetchAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", calendar);
        // Halton is party to none of the three partnerships with dates in the window, so its feed has no events.
        Assert.DoesNotContain("BEGIN:VEVENT", calendar);
        Assert.DoesNotContain("iwc", calendar, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Feed_FetchedAgainWithItsETag_NotModifiedAndStillKeptByNoOne()
    {
        var token = await RenewAsync("IWC");
        using var first = await FetchAsync(token);
        var tag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("The feed has no ETag.");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/key-dates/feed/{token}.ics{Window}");
        request.Headers.IfNoneMatch.Add(tag);
        using var again = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Equal("no-store", again.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", Assert.Single(again.Headers.GetValues("X-Robots-Tag")));
    }

    [Fact]
    public async Task Feed_VersionedAsItsOwnersOrganisationSeesTheKeyDates()
    {
        var (isleOfWight, halton) = (await RenewAsync("IWC"), await RenewAsync("HBC"));
        var signedIn = await host.ClientForAsync("IWC");

        using var isleOfWights = await FetchAsync(isleOfWight);
        using var haltons = await FetchAsync(halton);
        using var download = await signedIn.GetAsync("/key-dates/calendar.ics" + Window);

        // Fetched by no one signed in, each feed is its owner's organisation's file: the Isle of Wight tester's feed is
        // the very file the Isle of Wight's signed-in download is, and Halton's is another.
        Assert.NotNull(isleOfWights.Headers.ETag);
        Assert.Equal(download.Headers.ETag, isleOfWights.Headers.ETag);
        Assert.NotEqual(isleOfWights.Headers.ETag, haltons.Headers.ETag);
        Assert.DoesNotContain("iwc", await haltons.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Feed_UnknownToken_EmptyNotFound()
    {
        using var response = await FetchAsync(new string('A', 43));

        await AssertEmptyNotFoundAsync(response);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters, one too many
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.")] // 43, one not URL-safe
    public async Task Feed_MalformedToken_EmptyNotFound(string token)
    {
        using var response = await FetchAsync(token);

        await AssertEmptyNotFoundAsync(response);
    }

    [Fact]
    public async Task Feed_Revoked_EmptyNotFound()
    {
        var token = await RenewAsync("IWC");
        var id = await TesterIdAsync("IWC");
        using (CallerContext.Use((await Accounts.CallerForAsync(id))!)) await Accounts.RevokeCalendarFeedAsync(id);

        using var response = await FetchAsync(token);

        await AssertEmptyNotFoundAsync(response);
    }

    [Fact]
    public async Task Feed_Renewed_OldAddressNotFoundNewAddressWorks()
    {
        var old = await RenewAsync("IWC");

        var renewed = await RenewAsync("IWC");

        using var oldResponse = await FetchAsync(old);
        await AssertEmptyNotFoundAsync(oldResponse);
        using var newResponse = await FetchAsync(renewed);
        Assert.Equal(HttpStatusCode.OK, newResponse.StatusCode);
    }

    [Fact]
    public async Task Feed_BadWithin_SaysWhichParameter()
    {
        var token = await RenewAsync("IWC");

        using var response = await FetchAsync(token, "?within=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("within must be a whole number of days from 1 to 3,660.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Calendar_NotSignedIn_StillNeedsSignIn()
    {
        using var response = await host.Anonymous.GetAsync("/key-dates/calendar.ics" + Window);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString());
    }
}
