using System.CommandLine;
using SharedServices.Core;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.Dates;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Cli;

/// <summary>`sharedservices dates`: the key dates across every partnership from a day for so many days.</summary>
internal static class DatesCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var asOf = ParsedOptions.Date("--as-of", "First day to look from; default today");
        var within = ParsedOptions.WholeNumber("--within", "Days to look ahead", 1, UpcomingDates.MaxDays, 90);
        var common = new CommonOptions();
        var command = new Command("dates", "Key dates coming up: ends of term, latest notice dates, minimum-term ends, breaks, reviews, call-ins.")
            { asOf, within };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var from = parse.GetValue(asOf) ?? environment.Clock.Today();
            var result = await database.Get<UpcomingDates>().LoadAsync(from, parse.GetValue(within), cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
            {
                JsonOutput.Write(output, new
                {
                    result.AsOf,
                    result.WithinDays,
                    result.Until,
                    Dates = result.Dates.Select(d => Row(d, result.AsOf)),
                    NextAfter = result.NextAfter.Select(d => Row(d, result.AsOf)),
                    Undated = result.Undated.Select(u => new { u.Code, u.Name, u.Status, u.Why }),
                });
                return ExitCodes.Ok;
            }
            output.WriteLine($"Key dates from {DateText.Long(result.AsOf)} to {DateText.Long(result.Until)} ({result.WithinDays} {(result.WithinDays == 1 ? "day" : "days")})");
            if (result.Dates.Count == 0)
                WriteEmpty(output, result);
            else
                TextTable.Write(output, ["Date", "What", "Partnership", "Details", "If nothing is done"],
                    result.Dates.Select(d => (IReadOnlyList<string>)[DateText.Long(d.Date), d.KindText, d.PartnershipCode, d.What, d.IfNothingIsDone]).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Row(KeyDate d, DateOnly asOf) => new
    {
        d.Date, d.Kind, d.KindText, d.PartnershipCode, d.PartnershipName, Details = d.What, d.IfNothingIsDone, Urgency = d.UrgencyOn(asOf),
    };

    // An empty window still answers "when is the next thing?" rather than leaving a scheduler's reader with nothing.
    private static void WriteEmpty(TextWriter output, UpcomingDatesResult result)
    {
        output.WriteLine("None in this period.");
        if (result.NextAfter.Count == 0)
            output.WriteLine($"No live partnership has a key date after {DateText.Long(result.Until)}.");
        foreach (var next in result.NextAfter)
            output.WriteLine($"Next key date after it: {DateText.Long(next.Date)}, {next.KindText}, {next.PartnershipCode}: {next.What}");
        if (result.Undated.Count > 0)
            output.WriteLine("Live partnerships with no end or notice recorded: "
                + string.Join("; ", result.Undated.Select(u => $"{u.Code} ({u.Why})")) + ".");
    }
}
