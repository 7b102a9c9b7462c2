using System.Text.Json;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class PartnershipsListTests(SeededDatabase database)
{
    // Derived from seed-data/: 01 ran 1 Sep 2012 – 31 Aug 2015; 02 was terminated on 31 Jan 2024; 03 commenced
    // 5 Mar 2024 with no end; 04 has no start; 05 started 1 Jan 2011 with no end.
    private static readonly Dictionary<string, string> StatusToday = new()
    {
        ["scc-iwc-education-support"] = "Ended",
        ["hcc-iwc-childrens-services"] = "Terminated",
        ["iwc-hcc-buy-back"] = "Active",
        ["halton-warrington-school-improvement-jv"] = "Proposed",
        ["halton-cwac-shared-service"] = "Active",
    };

    [Fact]
    public async Task Text_lists_the_five_seed_partnerships_with_their_status_today_and_long_dates()
    {
        var result = await database.RunAsync(["partnerships", "list"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code", lines[0]);
        Assert.Equal(2 + 5, lines.Length); // header, rule, five partnerships
        foreach (var (code, status) in StatusToday)
            Assert.Matches($@"^{code}\s.*\s{status}\s", lines.Single(l => l.StartsWith(code + " ")));
        var scc = lines.Single(l => l.StartsWith("scc-iwc-education-support "));
        Assert.Contains("TradedServices", scc);
        Assert.Contains("SCC, IWC", scc);
        Assert.EndsWith("1 September 2012  31 August 2015", scc);
    }

    [Fact]
    public async Task Json_has_every_field_with_iso_dates()
    {
        var result = await database.RunAsync(["partnerships", "list", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(5, json.GetProperty("count").GetInt32());
        var rows = json.GetProperty("partnerships").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(StatusToday.Keys.Order(), rows.Keys.Order());
        foreach (var (code, status) in StatusToday) Assert.Equal(status, rows[code].GetProperty("status").GetString());

        var scc = rows["scc-iwc-education-support"];
        Assert.Equal("Southampton City Council to Isle of Wight Council: education support services", scc.GetProperty("name").GetString());
        Assert.Equal("TradedServices", scc.GetProperty("kind").GetString());
        Assert.Equal(["SCC", "IWC"], scc.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("2012-09-01", scc.GetProperty("startDate").GetString());
        Assert.Equal("2015-08-31", scc.GetProperty("endDate").GetString());
        Assert.Equal(JsonValueKind.Null, rows["halton-warrington-school-improvement-jv"].GetProperty("startDate").ValueKind);
    }

    [Fact]
    public async Task Json_as_of_is_the_clocks_today()
    {
        var result = await database.RunAsync(["partnerships", "list", "--json"], new FixedClock(new DateOnly(2026, 11, 23)));

        Assert.Equal("2026-11-23", result.Json().GetProperty("asOf").GetString());
    }

    [Theory]
    [InlineData("--status", "active", "halton-cwac-shared-service,iwc-hcc-buy-back")]
    [InlineData("--status", "Terminated", "hcc-iwc-childrens-services")]
    [InlineData("--status", "innotice", "")]
    [InlineData("--status", "ACTIVE", "halton-cwac-shared-service,iwc-hcc-buy-back")]
    [InlineData("--kind", "BuyBackContract", "iwc-hcc-buy-back")]
    [InlineData("--search", "Isle of Wight", "hcc-iwc-childrens-services,iwc-hcc-buy-back,scc-iwc-education-support")]
    public async Task Filters_as_the_register_does(string option, string value, string codes)
    {
        var result = await database.RunAsync(["partnerships", "list", option, value, "--json"]);

        Assert.Equal(0, result.ExitCode);
        var found = result.Json().GetProperty("partnerships").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order();
        Assert.Equal(codes, string.Join(',', found));
    }

    [Fact]
    public async Task Says_so_when_nothing_matches()
    {
        var result = await database.RunAsync(["partnerships", "list", "--search", "no such partnership anywhere"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No partnerships match.", result.Out.Trim());
    }
}
