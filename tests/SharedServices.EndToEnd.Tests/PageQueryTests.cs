namespace SharedServices.EndToEnd.Tests;

/// <summary>
/// A page a user lands on reads the database once per view. It is prerendered on the server and then comes alive over
/// the live connection; without persisted page state the live page ran every query a second time.
/// </summary>
public sealed class PageQueryTests(AppHost app) : BrowserJourney(app)
{
    // The prerender alone (a plain request, no browser) against the full page view (prerender, then the live page):
    // each must send the page's queries the same number of times, and must send some, or there was nothing to test.
    // One request first, so that the caches (organisation list, dashboard counts) are as warm for both as they will be.
    private async Task AssertQueriedOnceAsync(string path, params string[] words)
    {
        var client = await Host.ClientForAsync(Council);
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        using var counter = new QueryCounter(Host.DataFolder);
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        await Task.Delay(500); // nothing more should come, but give it the chance
        var prerender = counter.Containing(words);

        counter.Clear();
        await GoToAsync(path);
        await Task.Delay(1_000); // the live page loads after the marker appears
        var pageView = counter.Containing(words);

        Assert.NotEmpty(prerender);
        Assert.True(prerender.Count == pageView.Count,
            $"{path}: the prerender sent {prerender.Count} matching queries, the whole page view {pageView.Count}:\n" + string.Join("\n---\n", pageView));
    }

    [Fact]
    public Task Dashboard_PageView_QueriesPartnershipsOnce() => AssertQueriedOnceAsync("/", "\"Partnerships\"");

    [Fact]
    public Task KeyDates_PageView_QueriesPartnershipsOnce() => AssertQueriedOnceAsync("/key-dates", "\"Partnerships\"");

    [Fact]
    public Task PartnershipPage_PageView_LoadsThePartnershipOnce() =>
        AssertQueriedOnceAsync("/partnerships/hcc-iwc-childrens-services", "\"Partnerships\"");

    [Fact]
    public Task Invoices_PageView_ListsInvoicesOnce() => AssertQueriedOnceAsync("/invoices", "\"Invoices\"");

    [Fact]
    public Task AuditTrail_PageView_ReadsTheTrailOnce() => AssertQueriedOnceAsync("/audit", "\"AuditEntries\"");

    [Fact]
    // The organisation list is cached, so a use of it is one read of its change stamp.
    public Task Register_PageView_ListsOrganisationsOnce() => AssertQueriedOnceAsync("/partnerships", "\"ChangeStamps\"");
}
