using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;

namespace SharedServices.Cli;

/// <summary>`sharedservices statement --provider ORG --recipient ORG --period P`: the statement of account one council sends another.</summary>
internal static class StatementCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var provider = ParsedOptions.RequiredText("--provider", "The council that sent the invoices (its short code, e.g. SCC)");
        var recipient = ParsedOptions.RequiredText("--recipient", "The council that was billed (its short code, e.g. IWC)");
        var period = PeriodOption.Create();
        var common = new CommonOptions();
        var statement = new Command("statement", "The statement of account from one council to another for a period: balance brought forward, each transaction, balance carried forward.")
            { provider, recipient, period };
        common.AddTo(statement);
        statement.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            int from, to;
            await using (var db = await database.Get<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync(cancel))
            {
                from = await InvoicesCommand.OrganisationIdAsync(db, parse.GetValue(provider)!, "--provider", cancel);
                to = await InvoicesCommand.OrganisationIdAsync(db, parse.GetValue(recipient)!, "--recipient", cancel);
            }
            if (from == to) throw new CliException("--recipient: give a different council from --provider.", ExitCodes.Usage);
            var chosen = parse.GetValue(period)!;
            var result = await database.Get<Receivables>().StatementAsync(from, to, chosen.Dates.Start, chosen.Dates.End, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    Period = chosen.Code, From = chosen.Dates.Start, To = chosen.Dates.End, Provider = result.ProviderName, Recipient = result.RecipientName,
                    OpeningBalancePence = result.OpeningBalance.Pence,
                    Entries = result.Entries.Select(e => new
                    {
                        e.On, e.Kind, e.Reference, e.Details, DebitPence = e.Debit.Pence, CreditPence = e.Credit.Pence, BalancePence = e.Balance.Pence,
                    }),
                    ClosingBalancePence = result.ClosingBalance.Pence,
                });
            else
            {
                output.WriteLine($"Statement of account: {result.ProviderName} to {result.RecipientName}, {chosen.Label}");
                var rows = new List<IReadOnlyList<string>>();
                rows.Add([DateText.Long(chosen.Dates.Start), "Balance brought forward", "", "", "", "", result.OpeningBalance.ToString()]);
                rows.AddRange(result.Entries.Select(e => (IReadOnlyList<string>)[DateText.Long(e.On), Describe(e.Kind), e.Reference ?? "-", e.Details,
                    e.Debit.Pence == 0 ? "" : e.Debit.ToString(), e.Credit.Pence == 0 ? "" : e.Credit.ToString(), e.Balance.ToString()]));
                rows.Add([DateText.Long(chosen.Dates.End), "Balance carried forward", "", "", "", "", result.ClosingBalance.ToString()]);
                TextTable.Write(output, ["Date", "Transaction", "Reference", "Details", "Debit", "Credit", "Balance"], rows);
            }
            return ExitCodes.Ok;
        });
        return statement;
    }

    private static string Describe(StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.SupplementaryInvoice => "Supplementary invoice",
        StatementEntryKind.CreditNote => "Credit note",
        _ => kind.ToString(),
    };
}
