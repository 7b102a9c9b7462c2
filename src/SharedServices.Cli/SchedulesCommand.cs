using System.CommandLine;
using SharedServices.Core;
using SharedServices.Core.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Vat;

namespace SharedServices.Cli;

/// <summary>`sharedservices schedules list`: each scheduled service's rate version in force, with its basis, rate and VAT treatment.</summary>
internal static class SchedulesCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var partnership = new Option<string?>("--partnership") { Description = "Only this partnership's services (its code, e.g. iwc-hcc-buy-back)" };
        var asOf = ParsedOptions.Date("--as-of", "The day whose rates to show; default today");
        var common = new CommonOptions();
        var list = new Command("list", "List each service's current charge: basis, rate and VAT treatment.") { partnership, asOf };
        common.AddTo(list);
        list.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var on = parse.GetValue(asOf) ?? environment.Clock.Today();
            var code = parse.GetValue(partnership);
            var rows = await database.Get<ChargeSchedules>().CurrentAsync(code, on, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    AsOf = on,
                    Partnership = code,
                    Count = rows.Count,
                    Services = rows.Select(r => new
                    {
                        r.PartnershipCode, r.ServiceName, r.Version?.EffectiveFrom, r.Version?.EnteredOn, Basis = r.Version?.Basis.Kind,
                        Description = r.BasisText, RatePence = r.Rate?.Pence, r.Version?.Basis.UnitName, Vat = r.Vat,
                    }),
                });
            else if (rows.Count == 0)
                output.WriteLine(code is null ? "No charge schedules are recorded yet." : $"No charge schedules are recorded yet for {code}.");
            else
                TextTable.Write(output, ["Partnership", "Service", "From", "Charge", "VAT"],
                    rows.Select(r => (IReadOnlyList<string>)[r.PartnershipCode, r.ServiceName, DateText.Long(r.Version?.EffectiveFrom, "-"),
                        r.BasisText, r.Vat?.DisplayName() ?? "Not recorded"]).ToList());
            return ExitCodes.Ok;
        });
        return new Command("schedules", "Schedules of charges for traded services.") { list };
    }
}
