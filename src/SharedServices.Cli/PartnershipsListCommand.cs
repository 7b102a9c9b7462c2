using System.CommandLine;
using SharedServices.Core;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Cli;

/// <summary>`sharedservices partnerships list`: the whole register (every page), filtered as on the register page.</summary>
internal static class PartnershipsListCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var status = ParsedOptions.Enum<PartnershipStatus>("--status", "Only partnerships with this status today");
        var kind = ParsedOptions.Enum<PartnershipKind>("--kind", "Only partnerships of this kind");
        var search = new Option<string?>("--search") { Description = "Text in the name, a party's name or short code, or a service" };
        var common = new CommonOptions();
        var list = new Command("list", "List the partnerships in the register, by name.") { status, kind, search };
        common.AddTo(list);
        list.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var query = new RegisterQuery(parse.GetValue(search), parse.GetValue(kind), parse.GetValue(status), PageSize: 100);
            var rows = await AllAsync(database.Get<PartnershipRegister>(), query, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    AsOf = environment.Clock.Today(),
                    Count = rows.Count,
                    Partnerships = rows.Select(r => new { r.Code, r.Name, r.Kind, r.Status, r.Parties, r.StartDate, r.EndDate }),
                });
            else if (rows.Count == 0)
                output.WriteLine("No partnerships match.");
            else
                TextTable.Write(output, ["Code", "Name", "Kind", "Status", "Parties", "Start", "End"],
                    rows.Select(r => (IReadOnlyList<string>)[r.Code, r.Name, r.Kind.ToString(), r.Status.ToString(), string.Join(", ", r.Parties),
                        DateText.Long(r.StartDate, "-"), DateText.Long(r.EndDate, "-")]).ToList());
            return ExitCodes.Ok;
        });
        return new Command("partnerships", "The partnerships register.") { list };
    }

    private static async Task<List<RegisterRow>> AllAsync(PartnershipRegister register, RegisterQuery query, CancellationToken cancel)
    {
        var rows = new List<RegisterRow>();
        for (var page = 0; ; page++)
        {
            var found = await register.FindAsync(query with { Page = page }, cancel);
            rows.AddRange(found.Rows);
            if (found.Rows.Count == 0 || rows.Count >= found.TotalCount) return rows;
        }
    }
}
