using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Core.Recharging;
using SharedServices.Domain;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices recharge run --period P [--partnership CODE | --provider CODE] [--issue]`: the month-end job for a
/// scheduler's script. Drafts the period's invoices (replacing its drafts), and with --issue issues them at once.
/// Progress goes to stderr; Ctrl+C cancels and leaves nothing half-written.
/// </summary>
internal static class RechargeCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var period = PeriodOption.Create();
        var partnership = new Option<string?>("--partnership") { Description = "Only this partnership (its code)" };
        var provider = new Option<string?>("--provider") { Description = "Only this provider's services (its short code, e.g. SCC)" };
        var issue = new Option<bool>("--issue") { Description = "Issue the drafts straight away, numbering them" };
        var who = new Option<string?>("--as") { Description = "Who is running it, for the record; default the OS user name" };
        var common = new CommonOptions();
        var run = new Command("run", "Draft (and optionally issue) the invoices for a period.") { period, partnership, provider, issue, who };
        common.AddTo(run);
        run.Validators.Add(result =>
        {
            if (result.GetValue(partnership) is not null && result.GetValue(provider) is not null)
                result.AddError("Give --partnership or --provider, not both.");
        });
        run.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var json = parse.GetValue(common.Json);
            var (scope, scopeId, scopeName) = await ScopeAsync(database, parse.GetValue(partnership), parse.GetValue(provider), cancel);
            var by = parse.GetValue(who) ?? $"{Environment.UserName} (command line)";
            var progress = json ? null : new Progress<RechargeProgress>(p =>
            {
                if (p.Current is not null) error.WriteLine($"{p.PartnershipsDone + 1}/{p.PartnershipsInScope}: {p.Current}");
            });
            var chosen = parse.GetValue(period)!;
            var outcome = await database.Get<RechargeRuns>().RunAsync(chosen, scope, scopeId, by, progress, cancel);
            IReadOnlyList<string> numbers = [];
            if (parse.GetValue(issue) && outcome.Drafts > 0)
            {
                var drafts = await database.Get<RechargeRuns>().DraftsOfAsync(outcome.RunId, cancel);
                numbers = await database.Get<InvoiceIssuer>().IssueAsync(drafts, cancel: cancel);
            }
            if (json)
                JsonOutput.Write(output, new
                {
                    outcome.RunId, Period = chosen.Code, PeriodLabel = chosen.Label, Scope = scopeName, outcome.Drafts, outcome.Lines,
                    NetPence = outcome.Total.Pence, Issued = numbers, outcome.Problems,
                });
            else
            {
                output.WriteLine($"{chosen.Label}, {scopeName}: {outcome.Drafts:N0} draft invoice{(outcome.Drafts == 1 ? "" : "s")}, " +
                                 $"{outcome.Lines:N0} line{(outcome.Lines == 1 ? "" : "s")}, {outcome.Total} net.");
                foreach (var number in numbers) output.WriteLine($"Issued {number}.");
                foreach (var problem in outcome.Problems) output.WriteLine($"Not billed: {problem}");
            }
            return outcome.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return new Command("recharge", "Recharge runs: draft and issue a period's invoices.") { run };
    }

    private static async Task<(RechargeScope, int?, string)> ScopeAsync(CliDatabase database, string? partnershipCode, string? providerCode, CancellationToken cancel)
    {
        await using var db = await database.Get<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync(cancel);
        if (partnershipCode is not null)
        {
            var found = await db.Partnerships.Where(p => p.Code == partnershipCode).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancel)
                        ?? throw new CliException($"--partnership: no partnership has the code \"{partnershipCode}\".", ExitCodes.Failed);
            return (RechargeScope.Partnership, found.Id, found.Name);
        }
        if (providerCode is not null)
        {
            var code = providerCode.Trim().ToUpperInvariant();
            var found = await db.Organisations.Where(o => o.ShortCode == code).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancel)
                        ?? throw new CliException($"--provider: no organisation has the short code \"{providerCode}\".", ExitCodes.Failed);
            return (RechargeScope.Provider, found.Id, found.Name);
        }
        return (RechargeScope.Everything, null, "every partnership");
    }
}

/// <summary>--period, read as a finance officer writes it (2013-10, October 2013, 2013/14-Q3, autumn 2013, 2013/14).</summary>
internal static class PeriodOption
{
    public static Option<RechargePeriod?> Create() => new("--period")
    {
        Description = "The period: a month (2013-10), a quarter (2013/14-Q3), a school term (autumn 2013) or a financial year (2013/14)",
        Required = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            try { return RechargePeriod.Parse(token); }
            catch (DomainException ex) { result.AddError("--period: " + ex.Message.Replace("Period: ", "", StringComparison.Ordinal)); return null; }
        },
    };
}
