using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Core.Recharging;
using SharedServices.Domain.Recharging;
using Xunit.Abstractions;

namespace SharedServices.EndToEnd.Tests.Security;

/// <summary>
/// Every page and every download the app routes, found from its endpoint data source (so a new one cannot be
/// forgotten), asked for by nobody, by each role at the Isle of Wight and at Halton, with each council's own ids in
/// the address. A leak is: anything but the sign-in redirect for nobody; anything but the refusal for a role the
/// page's policy excludes; anything but "not found" for another council's id; or any answer that shows another
/// council's partnership. Expected: none. Halton and the Isle of Wight share no partnership (seed-data/partnerships).
/// </summary>
public sealed partial class AuthorisationMatrixTests(HttpHost host, ITestOutputHelper output) : IClassFixture<HttpHost>
{
    private sealed record Council(string Code, Dictionary<string, string> Values, string[] Markers);

    private sealed record Person(string Label, HttpClient Client, string? Council, IReadOnlySet<string> Roles);

    [Fact]
    public async Task EveryEndpoint_EveryRole_AnonymousAndForeign_NoLeaks()
    {
        var councils = new[] { await CouncilAsync("IWC", "scc-iwc-education-support", RechargePeriod.Month(2013, 10)),
            await CouncilAsync("HBC", "halton-cwac-shared-service", RechargePeriod.Month(2012, 5)) };
        var people = new List<Person> { new("nobody", host.Anonymous, null, new HashSet<string>()) };
        foreach (var account in DemoUsers.All)
        {
            var client = host.NewClient();
            await Testers.SignInAsync(client, account.Email, account.Password);
            people.Add(new Person(account.Email, client, account.OrganisationCode, account.Roles.ToHashSet()));
        }

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .ToList();
        var leaks = new List<string>();
        var wronglyRefused = new List<string>();
        int requests = 0, gets = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains("GET"))
            {
                // A form post (sign-out): without the anti-forgery token nobody may use it; checked once for nobody.
                using var post = await host.Anonymous.PostAsync(pattern, new FormUrlEncodedContent([]));
                requests++;
                if (post.IsSuccessStatusCode) leaks.Add($"POST {pattern} without a token answered {(int)post.StatusCode}");
                continue;
            }
            gets++;
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet();
            var hasIds = pattern.Contains('{');
            foreach (var council in hasIds ? councils : councils.Take(1))
            {
                var address = Address(pattern, council);
                foreach (var person in people)
                {
                    using var response = await person.Client.GetAsync(address);
                    requests++;
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location?.ToString() ?? "";
                    var where = $"{person.Label} GET {address} → {status} {location}";
                    if (person.Council is null)
                    {
                        // Pages and downloads send nobody to sign in; the live connection's own endpoints answer 401.
                        if (!open && !(status == 302 && location.Contains(SignInPath)) && status != 401) leaks.Add(where);
                        if (open) await CheckNoMarkersAsync(response, councils.SelectMany(c => c.Markers), where, leaks);
                        continue;
                    }
                    if (open) continue;
                    if (!policies.All(p => Allows(p, person.Roles)))
                    {
                        if (!(status == 302 && location.Contains(AccessDeniedPath))) leaks.Add(where);
                        continue;
                    }
                    var foreign = councils.Single(c => c.Code != person.Council);
                    // An organisation's page is reference data anyone may read (its partnerships filtered); its edit form is its own people's.
                    var readableByAll = pattern.Contains("{ShortCode", StringComparison.OrdinalIgnoreCase) && !pattern.EndsWith("/edit", StringComparison.Ordinal);
                    if (hasIds && council.Code != person.Council && !readableByAll
                        && !pattern.Contains("{file", StringComparison.OrdinalIgnoreCase) && !pattern.Contains("{**path", StringComparison.Ordinal))
                    {
                        if (status != 404) leaks.Add(where + " (another council's id: expected 404)");
                        continue;
                    }
                    // (The catch-all file route is asked for a file that does not exist, so its 404 is right.)
                    if (status is 302 or 403 or 404 && !pattern.Contains("{**path", StringComparison.Ordinal)) wronglyRefused.Add(where);
                    await CheckNoMarkersAsync(response, foreign.Markers, where, leaks);
                }
            }
        }

        foreach (var refused in wronglyRefused) output.WriteLine("refused: " + refused);
        output.WriteLine($"Endpoints: {endpoints.Count} ({gets} read by GET); people: {people.Count} (nobody and 4 roles at 2 councils); requests: {requests}; leaks: {leaks.Count}; wrongly refused: {wronglyRefused.Count}");
        Assert.True(gets >= 30, $"Only {gets} GET endpoints were found; the enumeration is broken.");
        Assert.True(leaks.Count == 0, "Leaks:\n" + string.Join("\n", leaks));
        Assert.True(wronglyRefused.Count == 0, "Refused its own council's data:\n" + string.Join("\n", wronglyRefused));
    }

    private const string SignInPath = "/account/sign-in";
    private const string AccessDeniedPath = "/account/access-denied";

    /// <summary>The app's policies by role (Policies.Add), written out again here so a change to them is noticed.</summary>
    private static bool Allows(string policy, IReadOnlySet<string> roles) => policy switch
    {
        "Administration" => roles.Contains(Roles.Administrator),
        "Finance" => roles.Contains(Roles.FinanceOfficer),
        "Governance" => roles.Contains(Roles.Director),
        _ => throw new InvalidOperationException($"A policy this test does not know: {policy}. Add it to Allows."),
    };

    private static string Address(string pattern, Council council) =>
        ParameterPattern().Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, match =>
        {
            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (name == "id" && pattern.Contains("runs", StringComparison.Ordinal)) name = "runid";
            return council.Values.TryGetValue(name, out var value) ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"The route {pattern} has a parameter {{{name}}} this test has no value for: add it to CouncilAsync.");
        }) + (pattern.Contains("settlement", StringComparison.Ordinal) ? council.Values["settlement"] : "");

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();

    /// <summary>A council's ids for each route parameter, and the words that would show its partnership.</summary>
    private async Task<Council> CouncilAsync(string code, string partnershipCode, RechargePeriod period)
    {
        var services = host.Services;
        var caller = await Testers.TesterAsync(services, code);
        using var _ = CallerContext.Use(caller);
        await using var db = await services.GetRequiredService<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync();
        var partnership = await db.Partnerships.Include(p => p.Services).Include(p => p.Parties).SingleAsync(p => p.Code == partnershipCode);
        // A run of the council's own, issued, so that its invoice, workbook and zip exist.
        var runs = services.GetRequiredService<RechargeRuns>();
        var outcome = await runs.RunAsync(period, RechargeScope.Partnership, partnership.Id, "Matrix set-up");
        var drafts = await runs.DraftsOfAsync(outcome.RunId);
        Assert.True(drafts.Count > 0, $"{period} drafted nothing for {partnershipCode}; pick a period with charges.");
        await services.GetRequiredService<InvoiceIssuer>().IssueAsync(drafts, period.Dates.End.AddDays(1));
        var other = partnership.Parties.First(p => p.OrganisationId != caller.OrganisationId).OrganisationId;
        var source = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seed-data", "sources")).Select(Path.GetFileName).First()!;
        return new Council(code, new Dictionary<string, string>
        {
            ["code"] = partnership.Code, ["shortcode"] = code, ["serviceid"] = partnership.Services[0].Id.ToString(),
            ["id"] = drafts[0].ToString(), ["runid"] = outcome.RunId.ToString(), ["file"] = source,
            // A catch-all file route and the calendar feed's secret: open to all, so any value shows whether they leak.
            ["path"] = "no-such-file.css", ["token"] = FeedToken.New(),
            ["settlement"] = $"?a={caller.OrganisationId}&b={other}&period={Uri.EscapeDataString(period.Code[..4] + "/" + (int.Parse(period.Code[..4]) + 1 - 2000))}",
        }, [partnership.Code, partnership.Name]);
    }

    /// <summary>Reads the answer as text (pages, calendars) or as the text of every cell of every workbook in it.</summary>
    private static async Task CheckNoMarkersAsync(HttpResponseMessage response, IEnumerable<string> markers, string where, List<string> leaks)
    {
        if (!response.IsSuccessStatusCode) return;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new StringBuilder();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("spreadsheetml", StringComparison.Ordinal)) text.Append(WorkbookText(bytes));
        else if (type == "application/zip")
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var entry in zip.Entries)
            {
                using var stream = new MemoryStream();
                await using (var entryStream = entry.Open()) await entryStream.CopyToAsync(stream);
                text.Append(WorkbookText(stream.ToArray()));
            }
        }
        else text.Append(WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes)));
        foreach (var marker in markers)
            if (text.ToString().Contains(marker, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{where} shows \"{marker}\"");
    }

    private static string WorkbookText(byte[] bytes)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        return string.Join("\n", workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed()).Select(cell => cell.GetString()));
    }
}
