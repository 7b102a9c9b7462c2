using System.Text.Json;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class NoticeTests(SeededDatabase database)
{
    // Three (illustrative) months from 23 November 2026 run to 23 February 2027; the minimum term ended on
    // 4 March 2025 and the term neither renews nor says where termination must fall, so that is the exit.
    [Fact]
    public async Task Buy_back_exit_is_three_months_after_notice()
    {
        var result = await database.RunAsync(["notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC", "--served", "2026-11-23"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("Earliest exit: 23 February 2027", result.Out);
        Assert.Contains("3 months (illustrative", result.Out);
        Assert.Contains("3 months notice served on 23 November 2026 runs to 23 February 2027.", result.Out);
        // The buy-back's term has no end date, so there is no end of term to give notice for.
        Assert.Contains("Latest notice date for the end of the current term: none", result.Out);
    }

    [Fact]
    public async Task Buy_back_json_has_the_exit_and_no_problem()
    {
        var result = await database.RunAsync(["notice", "--partnership", "iwc-hcc-buy-back", "--party", "iwc", "--served", "2026-11-23", "--json"]);

        var json = result.Json();
        Assert.Equal("2027-02-23", json.GetProperty("exitDate").GetString());
        Assert.Equal("2027-02-23", json.GetProperty("noticeRunsTo").GetString());
        Assert.Equal("2026-11-23", json.GetProperty("servedOn").GetString());
        Assert.Equal("3 months", json.GetProperty("notice").GetString());
        Assert.True(json.GetProperty("noticeIsIllustrative").GetBoolean());
        Assert.Equal("Isle of Wight Council", json.GetProperty("partyName").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("problem").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("latestNoticeDate").ValueKind);
        Assert.NotEmpty(json.GetProperty("reasons").EnumerateArray());
    }

    // Minimum term 5 March 2024 to 4 March 2025; 3 months from 4 December 2024 reaches 4 March 2025, from 5 December
    // it reaches 5 March, a day late.
    [Fact]
    public async Task During_the_minimum_term_gives_the_last_day_to_leave_when_it_ends()
    {
        string[] args = ["notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC", "--served", "2024-06-01"];
        var text = await database.RunAsync(args);
        var json = (await database.RunAsync([.. args, "--json"])).Json();

        Assert.Contains("Latest notice date to leave when the minimum term allows: 4 December 2024" + Environment.NewLine
            + "  - Serve 3 months notice by 4 December 2024 to leave when the minimum term ends, on 4 March 2025.", text.Out);
        Assert.Equal("2024-12-04", json.GetProperty("minimumTermLatestNoticeDate").GetString());
        Assert.Equal("2025-03-04", json.GetProperty("minimumTermExitDate").GetString());
    }

    [Fact]
    public async Task Served_before_the_agreement_began_is_a_usage_error_naming_served()
    {
        var result = await database.RunAsync(["notice", "--partnership", "iwc-hcc-buy-back", "--party", "IWC", "--served", "2024-03-04"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("sharedservices: --served: Notice cannot be served on 4 March 2024: the agreement began on 5 March 2024. Choose a day on or after it.",
            result.Error.Trim());
    }

    // The strategic partnership ran from 1 July 2013; its notice is "a specified number of months", never stated.
    [Fact]
    public async Task Notice_not_stated_is_an_answer_with_a_problem()
    {
        string[] args = ["notice", "--partnership", "hcc-iwc-childrens-services", "--party", "IWC", "--served", "2016-01-04"];
        var text = await database.RunAsync(args);
        var json = (await database.RunAsync([.. args, "--json"])).Json();

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("No answer: Isle of Wight Council's notice period is not stated in the sources", text.Out);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("exitDate").ValueKind);
        Assert.StartsWith("Isle of Wight Council's notice period is not stated", json.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Notice_after_termination_says_the_agreement_has_ended()
    {
        var result = await database.RunAsync(["notice", "--partnership", "hcc-iwc-childrens-services", "--party", "HCC", "--served", "2026-11-23", "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("already ended", result.Json().GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Served_defaults_to_today()
    {
        var result = await database.RunAsync(["notice", "--partnership", "iwc-hcc-buy-back", "--party", "HCC", "--json"], new FixedClock(new DateOnly(2026, 11, 23)));

        Assert.Equal("2026-11-23", result.Json().GetProperty("servedOn").GetString());
        Assert.Equal("2027-02-23", result.Json().GetProperty("exitDate").GetString());
    }
}
