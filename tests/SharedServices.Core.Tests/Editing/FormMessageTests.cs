using FluentValidation;
using SharedServices.Core.Editing;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Editing;

/// <summary>
/// Every message a form's validator gives, word for word: each starts with the field's label as the form shows it,
/// never a property name, and says what to do.
/// </summary>
public sealed class FormMessageTests
{
    private static readonly DateOnly Day = new(2013, 3, 1);

    private static async Task<IReadOnlyList<(string Property, string Message)>> ErrorsAsync<T>(FormValidator<T> validator, T form) =>
        (await validator.ValidateAsync(form)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Fact]
    public async Task DecisionForm_Empty_NamesEachRequiredField()
    {
        var errors = await ErrorsAsync(new DecisionFormValidator(), new DecisionForm());

        Assert.Equal(
        [
            ("OrganisationId", "Whose decision: choose whose decision this is."),
            ("DecisionMaker", "Decision maker: enter a body or role, such as Cabinet."),
            ("DecisionDate", "Date of decision: enter the date of the decision."),
            ("Resolved", "What it resolved: say what the decision resolved."),
        ], errors);
    }

    [Fact]
    public async Task DecisionForm_TooLongAndPublishedBeforeMade_SaysHowLongAndWhy()
    {
        var form = new DecisionForm
        {
            OrganisationId = 1, DecisionMaker = new string('c', 201), Reference = new string('r', 101), DecisionDate = Day,
            PublishedOn = Day.AddDays(-1), Resolved = new string('x', 4001), SourceDocument = new string('d', 201), SourceParagraph = new string('p', 201),
        };

        Assert.Equal(
        [
            ("DecisionMaker", "Decision maker: keep it to 200 characters (it has 201)."),
            ("Reference", "Reference: keep it to 100 characters (it has 101)."),
            ("PublishedOn", "Published on: a decision cannot be published before it is made."),
            ("Resolved", "What it resolved: keep it to 4,000 characters (it has 4,001)."),
            ("SourceDocument", "Source document: keep it to 200 characters (it has 201)."),
            ("SourceParagraph", "Paragraph: keep it to 200 characters (it has 201)."),
        ], await ErrorsAsync(new DecisionFormValidator(), form));
    }

    [Fact]
    public async Task ServiceForm_EmptyThenWrong_NamesEachField()
    {
        var validator = new ServiceFormValidator();

        Assert.Equal(
        [
            ("Name", "Service: enter the service's name."),
            ("ProviderId", "Provider: choose the provider."),
            ("RecipientId", "Recipient: choose the recipient."),
            ("SourceParagraph", "Paragraph: name the source document before its paragraph."),
        ], await ErrorsAsync(validator, new ServiceForm { SourceParagraph = "para 3" }));
        Assert.Equal(
        [
            ("Name", "Service: keep it to 200 characters (it has 201)."),
            ("RecipientId", "Recipient: choose an organisation other than the provider."),
            ("EndDate", "End date: the service cannot end before it starts."),
            ("Description", "Description: keep it to 2,000 characters (it has 2,001)."),
        ], await ErrorsAsync(validator, new ServiceForm
        {
            Name = new string('n', 201), ProviderId = 1, RecipientId = 1, StartDate = Day, EndDate = Day.AddDays(-1), Description = new string('d', 2001),
        }));
    }

    [Theory]
    [InlineData(PartnershipEventKind.NoticeServed, "Notice served on: enter the day notice was served.")]
    [InlineData(PartnershipEventKind.Terminated, "Last day of the agreement: enter the agreement's last day.")]
    [InlineData(PartnershipEventKind.Commenced, "Day the agreement began: enter the day the agreement began.")]
    [InlineData(PartnershipEventKind.ExtensionExercised, "Extension exercised on: enter the date.")]
    [InlineData(PartnershipEventKind.Variation, "Variation agreed on: enter the date.")]
    public async Task HistoryForm_NoDate_UsesTheDateLabelOfItsKind(PartnershipEventKind kind, string message)
    {
        var errors = await ErrorsAsync(new HistoryFormValidator(), new HistoryForm { Kind = kind, OrganisationId = 1, Description = "x" });

        Assert.Equal([("Date", message)], errors);
    }

    [Fact]
    public async Task HistoryForm_NoticeAndVariationMistakes_NameEachField()
    {
        var validator = new HistoryFormValidator();

        Assert.Equal(
        [
            ("OrganisationId", "Party serving notice: choose the party serving notice."),
            ("ExitOverrideReason", "Why the exit date differs: keep it to 500 characters (it has 501)."),
            ("ExitDate", "Different exit date: the exit cannot be before notice is served."),
        ], await ErrorsAsync(validator, new HistoryForm
        {
            Kind = PartnershipEventKind.NoticeServed, Date = Day, ExitDate = Day.AddDays(-1), ExitOverrideReason = new string('w', 501),
        }));
        Assert.Equal([("Description", "What the variation changed: say what the variation changed.")],
            await ErrorsAsync(validator, new HistoryForm { Kind = PartnershipEventKind.Variation, Date = Day }));
        Assert.Equal([("Description", "Notes: keep it to 2,000 characters (it has 2,001).")],
            await ErrorsAsync(validator, new HistoryForm { Kind = PartnershipEventKind.Terminated, Date = Day, Description = new string('n', 2001) }));
        Assert.Equal([("Kind", "What happened: choose what happened.")],
            await ErrorsAsync(validator, new HistoryForm { Kind = (PartnershipEventKind)99, Date = Day }));
    }

    [Fact]
    public async Task MilestoneForm_NoDateAndLongNote_NamesBoth()
    {
        Assert.Equal(
        [
            ("Date", "Date: enter the date."),
            ("Note", "Note: keep it to 500 characters (it has 501)."),
        ], await ErrorsAsync(new MilestoneFormValidator(), new MilestoneForm { Note = new string('n', 501) }));
    }

    [Fact]
    public async Task TermForm_NumbersOutOfRange_NameTheFieldAndTheRange()
    {
        var form = new TermForm
        {
            EndKind = TermEndKind.UpToYears, UpToYears = 100, MinimumTermMonths = 1201, ExtensionOptions = 21, ExtensionMonths = 241,
            RenewalMonths = 0, Notes = new string('n', 2001),
        };

        Assert.Equal(
        [
            ("UpToYears", "Up to how many years: enter a number from 1 to 99."),
            ("MinimumTermMonths", "Minimum term (months): enter a number from 1 to 1,200."),
            ("ExtensionOptions", "Extension options (how many): enter a number from 1 to 20."),
            ("ExtensionMonths", "Each extension (months): enter a number from 1 to 240."),
            ("RenewalMonths", "Renews automatically every (months): enter a number from 1 to 240."),
            ("Notes", "Notes: keep it to 2,000 characters (it has 2,001)."),
        ], await ErrorsAsync(new TermFormValidator(new NoticeFormValidator()), form));
    }

    [Fact]
    public async Task TermForm_MissingPartsAndNotices_NameEachFieldAndParty()
    {
        var form = new TermForm
        {
            EndKind = TermEndKind.FixedDate, ExtensionOptions = 2, Notices =
            [
                new NoticeForm { OrganisationName = "Hampshire County Council", Amount = 0, Unit = NoticeUnit.Months },
                new NoticeForm { OrganisationName = "Isle of Wight Council", IsIllustrative = true, SourceParagraph = "para 3" },
            ],
        };

        Assert.Equal(
        [
            ("EndDate", "End date (last day): enter the last day of the term."),
            ("ExtensionMonths", "Each extension (months): enter how many months each extension lasts."),
            ("Notices[0].Amount", "Notice by Hampshire County Council: enter a number from 1 to 120 months."),
            ("Notices[1].IsIllustrative", "Illustrative figure for Isle of Wight Council: only a stated notice period can be illustrative."),
            ("Notices[1].SourceParagraph", "Paragraph: name the source document before its paragraph."),
        ], await ErrorsAsync(new TermFormValidator(new NoticeFormValidator()), form));
        Assert.Equal(
        [
            ("UpToYears", "Up to how many years: enter the number of years."),
            ("ExtensionOptions", "Extension options (how many): enter how many extensions the term allows."),
        ], await ErrorsAsync(new TermFormValidator(new NoticeFormValidator()), new TermForm { EndKind = TermEndKind.UpToYears, ExtensionMonths = 12 }));
        Assert.Equal([("RenewalMonths", "Renews automatically every (months): a term that renews needs an end for its first period: a fixed date or \"up to N years\".")],
            await ErrorsAsync(new TermFormValidator(new NoticeFormValidator()), new TermForm { EndKind = TermEndKind.OpenEnded, RenewalMonths = 12 }));
    }
}
