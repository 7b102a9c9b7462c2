using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core;
using SharedServices.Core.KeyDates;
using SharedServices.Core.Persistence;
using SharedServices.Domain;
using SharedServices.Domain.Dates;

namespace SharedServices.Cli;

/// <summary>
/// `sharedservices notice`: if this party serves notice on this day, the earliest exit and the latest notice date for
/// the end of the current term. A notice period the sources do not state is still an answer (exit 0, with a problem).
/// </summary>
internal static class NoticeCommand
{
    public static Command Command(CliEnvironment environment)
    {
        var partnership = ParsedOptions.RequiredText("--partnership", "The partnership's code, e.g. iwc-hcc-buy-back");
        var party = ParsedOptions.RequiredText("--party", "The short code of the organisation serving notice, e.g. IWC");
        var served = ParsedOptions.Date("--served", "The day notice would be served; default today");
        var common = new CommonOptions();
        var command = new Command("notice", "What if a party served notice: earliest exit and latest notice date.") { partnership, party, served };
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var database = await common.OpenAsync(parse, environment, cancel);
            var code = parse.GetValue(partnership)!;
            var servedOn = parse.GetValue(served) ?? environment.Clock.Today();
            WhatIfAnswer answer;
            try
            {
                answer = await database.Get<NoticeWhatIf>().AskAsync(code, parse.GetValue(party)!, servedOn, cancel);
            }
            catch (WhatIfDateException ex)
            {
                throw new CliException("--served: " + ex.Message, ExitCodes.Usage);
            }
            catch (DomainException ex)
            {
                // The use case says which was not found; the option is named for the person fixing the script.
                await using var db = database.Get<SharedServicesDbContextFactory>().CreateDbContext();
                var known = await db.Partnerships.AnyAsync(p => p.Code == code, cancel);
                throw new CliException((known ? "--party: " : "--partnership: ") + ex.Message, ExitCodes.Failed);
            }
            if (parse.GetValue(common.Json)) JsonOutput.Write(parse.InvocationConfiguration.Output, Document(code, parse.GetValue(party)!, servedOn, answer));
            else WriteText(parse.InvocationConfiguration.Output, servedOn, answer);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object Document(string code, string party, DateOnly servedOn, WhatIfAnswer a) => new
    {
        Partnership = code,
        a.PartnershipName,
        Party = party.ToUpperInvariant(),
        a.PartyName,
        ServedOn = servedOn,
        Notice = a.Notice?.ToString(),
        a.NoticeIsIllustrative,
        ExitDate = a.Estimate?.AgreementEnds,
        NoticeRunsTo = a.Estimate?.NoticeRunsTo,
        TermEndsFirstOn = a.Estimate?.TermEndsFirstOn,
        Reasons = a.Estimate?.Reasons ?? [],
        LatestNoticeDate = a.Deadline?.LatestServiceDate,
        LatestNoticeExitDate = a.Deadline?.ExitDate,
        LatestNoticeExplanation = a.Deadline?.Explanation,
        MinimumTermLatestNoticeDate = a.MinimumTermDeadline?.LatestServiceDate,
        MinimumTermExitDate = a.MinimumTermDeadline?.ExitDate,
        MinimumTermExplanation = a.MinimumTermDeadline?.Explanation,
        RecordedNotice = a.Recorded is { } r ? new { r.ServedBy, r.ServedOn, r.ExitDate, r.ExitOverrideReason, r.Text } : null,
        a.Problem,
        a.Commitment,
    };

    private static void WriteText(TextWriter output, DateOnly servedOn, WhatIfAnswer a)
    {
        output.WriteLine(a.PartnershipName);
        output.WriteLine($"{a.PartyName} serving notice on {DateText.Long(servedOn)}");
        if (a.Notice is { } notice) output.WriteLine($"Notice period: {notice}{(a.NoticeIsIllustrative ? " (illustrative: not stated in the sources)" : "")}");
        if (a.Recorded is { } recorded)
        {
            output.WriteLine($"Notice already recorded: {recorded.Text}");
            return;
        }
        if (a.Problem is { } problem)
        {
            output.WriteLine($"No answer: {problem}");
            return;
        }
        if (a.Estimate is { } estimate)
        {
            output.WriteLine($"Earliest exit: {DateText.Long(estimate.AgreementEnds)}");
            foreach (var reason in estimate.Reasons) output.WriteLine($"  - {reason}");
        }
        if (a.Deadline is { } deadline)
        {
            output.WriteLine($"Latest notice date for the end of the current term: {DateText.Long(deadline.LatestServiceDate, "none")}");
            output.WriteLine($"  - {deadline.Explanation}");
        }
        if (a.MinimumTermDeadline is { } minimum)
        {
            output.WriteLine($"Latest notice date to leave when the minimum term allows: {DateText.Long(minimum.LatestServiceDate, "none")}");
            output.WriteLine($"  - {minimum.Explanation}");
        }
        output.WriteLine($"Value committed: {a.Commitment}");
    }
}
