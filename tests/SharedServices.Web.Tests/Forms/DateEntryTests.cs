using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Calendar;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Features.Admin;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Components.Features.Partnerships;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Forms;

/// <summary>
/// Partial and impossible dates typed into every date field of every form and dialog: each is refused on its field,
/// named in the error summary, and nothing is saved; a stored date is never blanked.
/// </summary>
public sealed class DateEntryTests : ComponentTestContext
{
    private const string EducationSupport = "scc-iwc-education-support"; // term 1 September 2012 to 31 August 2015

    /// <summary>A half-typed year, a day April does not have, and a year typed on its own.</summary>
    public static TheoryData<string, string> BadDates => new()
    {
        { "29/02/202", "enter the day, the month and the year in full (four digits), such as 29/02/2024." },
        { "31/04/2025", "April 2025 has 30 days, so there is no day 31." },
        { "0002", "enter a date as day/month/year, such as 29/02/2024." },
    };

    public static TheoryData<string, string, string, string> TermFieldsAndBadDates()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (id, label) in new[] { ("term-start-date", "Start date"), ("term-end-date", "End date (last day)") })
            foreach (var row in BadDates) data.Add(id, label, (string)row[0], (string)row[1]);
        return data;
    }

    private async Task<Partnership> LoadAsync(string code) =>
        await Services.GetRequiredService<PartnershipDetails>().FindAsync(code) ?? throw new InvalidOperationException(code);

    private static IReadOnlyList<string> FieldErrors<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FieldErrors();

    /// <summary>The summary's links: (text, target).</summary>
    private static IReadOnlyList<(string, string?)> SummaryLinks<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll(".error-summary-list a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();

    private async Task<(DateOnly? Start, DateOnly? End)> StoredTermAsync()
    {
        await using var db = Database.CreateDbContext();
        var p = await db.Partnerships.SingleAsync(x => x.Code == EducationSupport);
        return (p.Term.StartDate, p.Term.EndDate);
    }

    [Theory]
    [MemberData(nameof(TermFieldsAndBadDates))]
    public async Task TermEditPage_BadDate_RefusedOnTheFieldAndTheStoredTermKept(string id, string label, string typed, string problem)
    {
        var cut = RenderPage<TermEditPage>(p => p.Add(x => x.Code, EducationSupport));
        cut.WaitForAssertion(() => cut.Find("#save-term"), Timeout);

        await cut.InputFor(id).ChangeAsync(new() { Value = typed });
        await cut.Find("#save-term").ClickAsync(new MouseEventArgs());

        var message = $"{label}: {problem}";
        cut.WaitForAssertion(() => Assert.Contains(message, FieldErrors(cut)), Timeout);
        Assert.Equal([(message, $"#{id}")], SummaryLinks(cut));
        Assert.Equal((new DateOnly(2012, 9, 1), new DateOnly(2015, 8, 31)), await StoredTermAsync());
        Assert.EndsWith("/", CurrentUri);
    }

    [Theory]
    [InlineData("term-start-date", "29/02/2012", "2012-02-29", "2015-08-31")] // a real leap day
    [InlineData("term-end-date", "31/04/2025|30/04/2025", "2012-09-01", "2025-04-30")] // a slip, then put right
    [InlineData("term-start-date", "", null, "2015-08-31")] // cleared on purpose: now not stated
    public async Task TermEditPage_DateTyped_IsStored(string id, string typings, string? start, string end)
    {
        var cut = RenderPage<TermEditPage>(p => p.Add(x => x.Code, EducationSupport));
        cut.WaitForAssertion(() => cut.Find("#save-term"), Timeout);

        foreach (var typed in typings.Split('|')) await cut.InputFor(id).ChangeAsync(new() { Value = typed });
        await cut.Find("#save-term").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.EndsWith($"/partnerships/{EducationSupport}", CurrentUri), Timeout);
        Assert.Equal((start is null ? null : DateOnly.Parse(start), DateOnly.Parse(end)), await StoredTermAsync());
    }

    public static TheoryData<string, string, string, string> DialogFieldsAndBadDates()
    {
        var data = new TheoryData<string, string, string, string>();
        var fields = new[]
        {
            ("decision", "decision-date", "Date of decision"), ("decision", "decision-published-on", "Published on"),
            ("service", "service-start-date", "Start date"), ("service", "service-end-date", "End date"),
            ("milestone", "milestone-date", "Date"),
            ("notice", "event-date", "Notice served on"), ("notice", "event-exit-date", "Different exit date"),
            ("variation", "event-new-end", "New last day of the term (if it moved)"),
        };
        foreach (var (dialog, id, label) in fields)
            foreach (var row in BadDates) data.Add(dialog, id, $"{label}: {row[1]}", (string)row[0]);
        return data;
    }

    [Theory]
    [MemberData(nameof(DialogFieldsAndBadDates))]
    public async Task Dialog_BadDate_RefusedOnTheFieldAndNothingSaved(string dialog, string id, string message, string typed)
    {
        var partnership = await LoadAsync(EducationSupport);
        var (scc, iwc) = (partnership.Parties[0].OrganisationId, partnership.Parties[1].OrganisationId);
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        var date = new DateOnly(2013, 3, 1);
        // Every other field filled in correctly, so the bad date is the only thing wrong.
        var save = dialog switch
        {
            "decision" => await Show<DecisionDialog>(d => d.Form, new DecisionForm
            {
                OrganisationId = scc, DecisionMaker = "Cabinet", DecisionDate = date, PublishedOn = date, Resolved = "Agreed.",
            }, "#save-decision"),
            "service" => await Show<ServiceDialog>(d => d.Form, new ServiceForm
            {
                Name = "Payroll", ProviderId = scc, RecipientId = iwc, StartDate = date, EndDate = date,
            }, "#save-service"),
            "milestone" => await Show<MilestoneDialog>(d => d.Form, new MilestoneForm { Date = date }, "#save-milestone"),
            "notice" => await Show<HistoryDialog>(d => d.Form, new HistoryForm
            {
                Kind = PartnershipEventKind.NoticeServed, Date = date, OrganisationId = scc, ExitDate = new DateOnly(2014, 3, 1), ExitOverrideReason = "Agreed",
            }, "#save-event"),
            _ => await Show<HistoryDialog>(d => d.Form, new HistoryForm
            {
                Kind = PartnershipEventKind.Variation, Date = date, NewEndDate = new DateOnly(2016, 8, 31), Description = "Extended",
            }, "#save-event"),
        };

        await dialogs.InputFor(id).ChangeAsync(new() { Value = typed });
        await dialogs.Find(save).ClickAsync(new MouseEventArgs());

        dialogs.WaitForAssertion(() => Assert.Contains(message, FieldErrors(dialogs)), Timeout);
        Assert.Equal([(message, $"#{id}")], SummaryLinks(dialogs));
        Assert.NotEmpty(dialogs.FindAll(save));
        await using var db = Database.CreateDbContext();
        var stored = await db.Partnerships.Include(p => p.Events).Include(p => p.Milestones).Include(p => p.Decisions).Include(p => p.Services)
            .AsSplitQuery().SingleAsync(p => p.Code == EducationSupport);
        Assert.Equal(
            (partnership.Events.Count, partnership.Milestones.Count, partnership.Decisions.Count, partnership.Services.Count),
            (stored.Events.Count, stored.Milestones.Count, stored.Decisions.Count, stored.Services.Count));

        async Task<string> Show<TDialog>(System.Linq.Expressions.Expression<Func<TDialog, object?>> form, object value, string button)
            where TDialog : Microsoft.AspNetCore.Components.IComponent
        {
            var parameters = new DialogParameters { { "Partnership", partnership }, { "Form", value } };
            await dialogs.InvokeAsync(() => service.ShowAsync<TDialog>("Test", parameters));
            dialogs.WaitForAssertion(() => dialogs.Find(button), Timeout);
            return button;
        }
    }

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task BankHolidaysPage_BadDate_RefusedNamingTheDateAndNothingAdded(string typed, string problem)
    {
        var reference = Services.GetRequiredService<BankHolidayReference>();
        await reference.EnsureYearsAsync(BankHolidayReference.FirstYear, BankHolidayReference.LastYear(Clock.Today));
        var cut = RenderPage<BankHolidaysPage>();
        cut.WaitForAssertion(() => cut.Find("#bank-holidays"), Timeout);
        var before = (await reference.ForYearAsync(2025)).Count + (await reference.ForYearAsync(2026)).Count;

        await cut.InputFor("bank-holiday-date").ChangeAsync(new() { Value = typed });
        await cut.InputFor("bank-holiday-name").ChangeAsync(new() { Value = "A new day" });
        await cut.Find("#save-bank-holiday").ClickAsync(new MouseEventArgs());

        var message = $"Date: {problem}";
        cut.WaitForAssertion(() => Assert.Equal([(message, "#bank-holiday-date")], SummaryLinks(cut)), Timeout);
        Assert.Contains(message, FieldErrors(cut));
        Assert.Equal(before, (await reference.ForYearAsync(2025)).Count + (await reference.ForYearAsync(2026)).Count);
        Assert.Empty(cut.FindAll("#bank-holiday-done"));
    }

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task UpcomingDatesPage_BadAsOfDate_ShownOnTheFieldAndTheViewKept(string typed, string problem)
    {
        var cut = RenderPage<UpcomingDatesPage>();
        cut.WaitForAssertion(() => cut.Find("#key-dates-heading"), Timeout);
        var before = CurrentUri;

        await cut.InputFor("key-dates-as-of").ChangeAsync(new() { Value = typed });

        Assert.Equal([$"As of: {problem}"], FieldErrors(cut));
        Assert.Equal(before, CurrentUri);
    }
}
