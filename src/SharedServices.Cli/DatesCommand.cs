using System.CommandLine;
using SharedServices.Core;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.Dates;

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
                    Dates = result.Dates.Select(d => new
                    {
                        d.Date, d.Kind, d.KindText, d.PartnershipCode, d.PartnershipName, Details = d.What, d.IfNothingIsDone,
                        Urgency = d.UrgencyOn(result.AsOf),
                    }),
                });
                return ExitCodes.Ok;
            }
            output.WriteLine($"Key dates from {DateText.Long(result.AsOf)} to {DateText.Long(result.Until)} ({result.WithinDays} days)");
            if (result.Dates.Count == 0)
                output.WriteLine("None.");
            else
                TextTable.Write(output, ["Date", "What", "Partnership", "Details", "If nothing is done"],
                    result.Dates.Select(d => (IReadOnlyList<string>)[DateText.Long(d.Date), d.KindText, d.PartnershipCode, d.What, d.IfNothingIsDone]).ToList());
            return ExitCodes.Ok;
        });
        return command;
    }
}
