using System.Text.Json;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class DatesTests(SeededDatabase database)
{
    // iwc-hcc-buy-back commenced on 5 March 2024 with a twelve-month minimum term, whose last day is 4 March 2025:
    // inside the 400 days from 1 February 2024 (the as-of day and 399 more, to 6 March 2025).
    [Fact]
    public async Task Json_includes_the_buy_backs_minimum_term_end()
    {
        var result = await database.RunAsync(["dates", "--as-of", "2024-02-01", "--within", "400", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal("2024-02-01", json.GetProperty("asOf").GetString());
        Assert.Equal(400, json.GetProperty("withinDays").GetInt32());
        Assert.Equal("2025-03-06", json.GetProperty("until").GetString());
        var date = Assert.Single(json.GetProperty("dates").EnumerateArray(),
            d => d.GetProperty("partnershipCode").GetString() == "iwc-hcc-buy-back" && d.GetProperty("kind").GetString() == "MinimumTermEnd");
        Assert.Equal("2025-03-04", date.GetProperty("date").GetString());
        Assert.Equal("Minimum term ends", date.GetProperty("kindText").GetString());
        Assert.False(string.IsNullOrWhiteSpace(date.GetProperty("details").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(date.GetProperty("ifNothingIsDone").GetString()));
        Assert.Equal(JsonValueKind.String, date.GetProperty("partnershipName").ValueKind);
    }

    [Fact]
    public async Task Text_shows_the_date_in_long_form_with_what_and_the_partnership()
    {
        var result = await database.RunAsync(["dates", "--as-of", "2024-02-01", "--within", "400"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Key dates from 1 February 2024 to 6 March 2025 (400 days)", result.Out);
        Assert.Contains(result.Out.Split(Environment.NewLine),
            l => l.StartsWith("4 March 2025 ") && l.Contains("Minimum term ends") && l.Contains("iwc-hcc-buy-back"));
    }

    [Fact]
    public async Task As_of_defaults_to_today_and_within_to_90_days()
    {
        var result = await database.RunAsync(["dates", "--json"], new FixedClock(new DateOnly(2025, 1, 15)));

        var json = result.Json();
        Assert.Equal("2025-01-15", json.GetProperty("asOf").GetString());
        Assert.Equal(90, json.GetProperty("withinDays").GetInt32());
        // 4 March 2025 is 48 days after 15 January 2025.
        Assert.Contains(json.GetProperty("dates").EnumerateArray(), d => d.GetProperty("date").GetString() == "2025-03-04");
    }

    [Fact]
    public async Task No_dates_in_the_window_says_when_the_next_one_falls()
    {
        // Before anything in the seed data: 1 January 2000 for 30 days. The first key date after it is the end of the
        // education support term (1 September 2012 to 31 August 2015).
        var result = await database.RunAsync(["dates", "--as-of", "2000-01-01", "--within", "30"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split(Environment.NewLine);
        Assert.Equal("None in this period.", lines[1]);
        Assert.Equal("Next key date after it: 31 August 2015, End of term, scc-iwc-education-support: The current term ends.", lines[2]);
    }

    [Fact]
    public async Task Nothing_ahead_names_the_live_partnerships_with_no_end_or_notice()
    {
        var result = await database.RunAsync(["dates", "--as-of", "2026-11-23", "--within", "90"]);

        Assert.Contains("No live partnership has a key date after 20 February 2027.", result.Out);
        Assert.Contains("Live partnerships with no end or notice recorded: halton-warrington-school-improvement-jv (end not stated in source); "
            + "halton-cwac-shared-service (end not stated in source); iwc-hcc-buy-back (end not stated in source).", result.Out);
    }

    [Fact]
    public async Task One_day_is_said_in_the_singular_and_covers_only_the_as_of_day()
    {
        var result = await database.RunAsync(["dates", "--as-of", "2025-03-04", "--within", "1"]);

        Assert.StartsWith("Key dates from 4 March 2025 to 4 March 2025 (1 day)" + Environment.NewLine, result.Out);
        Assert.Contains("Minimum term ends", result.Out);
    }

    [Fact]
    public async Task As_of_uses_only_history_dated_by_then()
    {
        // The strategic partnership ran from 1 July 2013 for up to five years; its termination is dated 2024.
        var result = await database.RunAsync(["dates", "--as-of", "2018-01-01", "--within", "365"]);

        Assert.Contains(result.Out.Split(Environment.NewLine),
            l => l.StartsWith("30 June 2018 ") && l.Contains("End of term") && l.Contains("hcc-iwc-childrens-services"));
    }
}
