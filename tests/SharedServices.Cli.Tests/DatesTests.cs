using System.Text.Json;

namespace SharedServices.Cli.Tests;

[Collection("cli")]
public sealed class DatesTests(SeededDatabase database)
{
    // iwc-hcc-buy-back commenced on 5 March 2024 with a twelve-month minimum term, whose last day is 4 March 2025:
    // inside 1 February 2024 + 400 days (to 7 March 2025).
    [Fact]
    public async Task Json_includes_the_buy_backs_minimum_term_end()
    {
        var result = await database.RunAsync(["dates", "--as-of", "2024-02-01", "--within", "400", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal("2024-02-01", json.GetProperty("asOf").GetString());
        Assert.Equal(400, json.GetProperty("withinDays").GetInt32());
        Assert.Equal("2025-03-07", json.GetProperty("until").GetString());
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
        Assert.StartsWith("Key dates from 1 February 2024 to 7 March 2025 (400 days)", result.Out);
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
    public async Task Says_so_when_there_are_no_dates()
    {
        // Before anything in the seed data: 1 January 2000 for 30 days.
        var result = await database.RunAsync(["dates", "--as-of", "2000-01-01", "--within", "30"]);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("None.", result.Out.Trim());
    }
}
