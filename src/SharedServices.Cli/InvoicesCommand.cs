using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Money;

namespace SharedServices.Cli;

/// <summary>`sharedservices invoices list` (and export, register), `payments record` and `settlement`: the money after a run.</summary>
internal static class InvoicesCommand
{
    public static Command Invoices(CliEnvironment environment)
    {
        var filters = new InvoiceFilterOptions();
        var common = new CommonOptions();
        var list = new Command("list", "List invoices and credit notes with what is outstanding.");
        filters.AddTo(list);
        common.AddTo(list);
        list.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            await using var db = await database.Get<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync(cancel);
            var filter = await filters.ReadAsync(parse, db, cancel);
            var on = parse.GetValue(filters.AsOf) ?? environment.Clock.Today();
            var rows = await database.Get<Receivables>().ListAsync(filter, on, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    AsOf = on, Count = rows.Count,
                    Invoices = rows.Select(r => new
                    {
                        r.Number, r.Kind, r.Status, Partnership = r.PartnershipName, Provider = r.ProviderName, Recipient = r.RecipientName,
                        Period = r.PeriodLabel, r.IssuedOn, r.DueOn, GrossPence = r.Gross.Pence, PaidPence = r.Paid.Pence,
                        CreditedPence = r.Credited.Pence, OutstandingPence = r.Outstanding.Pence, r.DaysOverdue,
                    }),
                });
            else if (rows.Count == 0)
                output.WriteLine("No invoices match.");
            else
                TextTable.Write(output, ["Number", "Status", "From", "To", "Period", "Due", "Gross", "Outstanding"],
                    rows.Select(r => (IReadOnlyList<string>)[r.Number ?? "(draft)", r.Status.ToString(), r.ProviderName, r.RecipientName, r.PeriodLabel,
                        DateText.Long(r.DueOn, "-"), r.Gross.ToString(), r.Outstanding.ToString()]).ToList());
            return ExitCodes.Ok;
        });
        return new Command("invoices", "Invoices and credit notes.")
        {
            list, InvoiceExportCommands.Export(environment), InvoiceExportCommands.Register(environment),
        };
    }

    public static Command Payments(CliEnvironment environment)
    {
        var invoice = ParsedOptions.RequiredText("--invoice", "The invoice number, e.g. SCC-2013/14-0001");
        var amount = new Option<decimal>("--amount")
        {
            Description = "Pounds and pence received, e.g. 1234.56",
            Required = true,
            CustomParser = result =>
            {
                // The pages' rule for typed pounds (PoundsText), so "1,00.00" is refused here too rather than read as £100.00.
                if (result.Tokens.Count == 1 && PoundsText.TryRead(result.Tokens[0].Value, out var pounds) && pounds > 0 && pounds == Math.Round(pounds, 2))
                    return pounds;
                result.AddError($"--amount must be pounds and pence more than 0, e.g. 1234.56, not '{(result.Tokens.Count == 1 ? result.Tokens[0].Value : "")}'.");
                return 0m;
            },
        };
        var on = ParsedOptions.Date("--on", "The day it was received; default today");
        var reference = new Option<string?>("--reference") { Description = "The remittance reference" };
        var common = new CommonOptions();
        var record = new Command("record", "Record a payment received against an issued invoice.") { invoice, amount, on, reference };
        common.AddTo(record);
        record.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var number = parse.GetValue(invoice)!;
            var received = parse.GetValue(on) ?? environment.Clock.Today();
            var summary = (await database.Get<Receivables>().ListAsync(new InvoiceFilter(), received, cancel))
                .SingleOrDefault(s => string.Equals(s.Number, number, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"--invoice: no invoice has the number \"{number}\".", ExitCodes.Failed);
            var payment = new Payment(received, Domain.Money.Money.FromPounds(parse.GetValue(amount)), parse.GetValue(reference));
            await database.Get<InvoiceAccounts>().RecordPaymentAsync(summary.Id, payment, summary.Version, cancel);
            var after = (await database.Get<Receivables>().ListAsync(new InvoiceFilter(), received, cancel)).Single(s => s.Id == summary.Id);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new { after.Number, after.Status, PaidPence = after.Paid.Pence, OutstandingPence = after.Outstanding.Pence });
            else
                output.WriteLine($"Recorded {payment.Amount} against {after.Number}: {after.Status}, {after.Outstanding} outstanding.");
            return ExitCodes.Ok;
        });
        return new Command("payments", "Payments received.") { record };
    }

    public static Command Settlement(CliEnvironment environment)
    {
        var between = new Option<string[]>("--between")
        {
            Description = "The two organisations' short codes, e.g. --between SCC IWC",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            Arity = new ArgumentArity(2, 2),
        };
        var period = PeriodOption.Create();
        var common = new CommonOptions();
        var settlement = new Command("settlement", "What two councils that bill each other owe, net, for a period.") { between, period };
        common.AddTo(settlement);
        settlement.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            await using var db = await database.Get<IDbContextFactory<SharedServicesDbContext>>().CreateDbContextAsync(cancel);
            var codes = parse.GetValue(between)!;
            var a = await OrganisationIdAsync(db, codes[0], "--between", cancel);
            var b = await OrganisationIdAsync(db, codes[1], "--between", cancel);
            var chosen = parse.GetValue(period)!;
            var result = await database.Get<Receivables>().SettlementAsync(a, b, chosen.Dates.Start, chosen.Dates.End, cancel);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(common.Json))
                JsonOutput.Write(output, new
                {
                    Period = chosen.Code,
                    AToB = Way(result.AToB),
                    BToA = Way(result.BToA),
                    NetOwedToAPence = result.NetOwedToA.Pence,
                    result.Summary,
                });
            else
            {
                output.WriteLine($"Settlement for {chosen.Label}");
                TextTable.Write(output, ["From", "To", "Invoiced", "Credited", "Paid", "Outstanding"],
                    new[] { result.AToB, result.BToA }.Select(w => (IReadOnlyList<string>)[w.FromName, w.ToName, w.Invoiced.ToString(), w.Credited.ToString(), w.Paid.ToString(), w.Outstanding.ToString()]).ToList());
                output.WriteLine(result.Summary);
            }
            return ExitCodes.Ok;
        });
        return settlement;
    }

    private static object Way(OneWay way) => new
    {
        From = way.FromName, To = way.ToName, InvoicedPence = way.Invoiced.Pence, CreditedPence = way.Credited.Pence,
        PaidPence = way.Paid.Pence, OutstandingPence = way.Outstanding.Pence,
    };

    internal static async Task<int> OrganisationIdAsync(SharedServicesDbContext db, string shortCode, string option, CancellationToken cancel)
    {
        var code = shortCode.Trim().ToUpperInvariant();
        return await db.Organisations.Where(o => o.ShortCode == code).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancel)
               ?? throw new CliException($"{option}: no organisation has the short code \"{shortCode}\".", ExitCodes.Failed);
    }
}
