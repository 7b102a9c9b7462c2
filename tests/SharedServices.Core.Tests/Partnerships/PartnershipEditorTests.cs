using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;
using SharedServices.Domain.Notice;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Core.Tests.Partnerships;

public abstract class PartnershipEditorTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private PartnershipEditor Editor => Get<PartnershipEditor>();

    private async Task<int> OrganisationId(string code)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Organisations.SingleAsync(o => o.ShortCode == code)).Id;
    }

    private async Task<Partnership> Load(string code) => (await Get<PartnershipDetails>().FindAsync(code))!;

    [Fact]
    public async Task Save_NewPartnership_CreatesWithPartiesAndPredecessor()
    {
        var predecessor = await Load("scc-iwc-education-support");
        var form = new PartnershipForm
        {
            Code = "scc-iwc-education-support-2015", Name = "Education support, second agreement", Kind = PartnershipKind.TradedServices,
            PredecessorId = predecessor.Id, SourceDocument = "board paper", SourceParagraph = "para 2",
            LegalBasisSourceDocument = "legal advice", LegalBasisSourceParagraph = "para 4",
            Parties = [new() { OrganisationId = await OrganisationId("SCC"), Role = PartyRole.Provider }, new() { OrganisationId = await OrganisationId("IWC"), Role = PartyRole.Recipient }],
        };

        var code = await Editor.SaveAsync(form);

        var saved = await Load(code);
        Assert.Equal("Education support, second agreement", saved.Name);
        Assert.Equal(["SCC", "IWC"], saved.Parties.OrderBy(p => p.Role).Select(p => p.Organisation!.ShortCode));
        Assert.Equal("scc-iwc-education-support", saved.Predecessor?.Code);
        Assert.Equal("board paper, para 2", saved.Source?.ToString());
        Assert.Equal("legal advice, para 4", saved.LegalBasisSource?.ToString());
        // No term and no decision yet: nothing says it is going ahead.
        Assert.Equal(PartnershipStatus.Proposed, saved.StatusOn(new DateOnly(2015, 9, 1)));
        Assert.Null(saved.EndsOn);
    }

    [Fact]
    public async Task Save_DuplicateCodeAndBlankName_RejectsNamingFieldsAndSavesNothing()
    {
        var form = new PartnershipForm
        {
            Code = "hcc-iwc-childrens-services", Name = " ",
            Parties = [new() { OrganisationId = await OrganisationId("HCC") }, new() { OrganisationId = await OrganisationId("HCC") }],
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveAsync(form));

        Assert.Equal(["Code", "Name", "Parties"], error.Errors.Select(e => e.PropertyName).Distinct().Order());
        await using var db = Factory.CreateDbContext();
        Assert.Equal(5, await db.Partnerships.CountAsync());
    }

    [Fact]
    public async Task SaveTerm_FixedEndWithNotice_StoresTermAndIllustrativeNotice()
    {
        var p = await Load("halton-cwac-shared-service");
        var form = TermForm.From(p);
        form.EndKind = TermEndKind.FixedDate;
        form.EndDate = new DateOnly(2014, 3, 31);
        form.TerminationFalls = TerminationFalls.FinancialYearEnd;
        form.Notices[0].Amount = 6;
        form.Notices[0].IsIllustrative = true;

        await Editor.SaveTermAsync(p.Id, form);

        var saved = await Load(p.Code);
        Assert.Equal(new DateOnly(2014, 3, 31), saved.Term.LatestEndDate);
        Assert.Equal(new DateOnly(2011, 1, 1), saved.Term.StartDate);
        // The dates the register filters on are worked out and stored with the term.
        Assert.Equal((new DateOnly(2011, 1, 1), new DateOnly(2014, 3, 31), new DateOnly(2014, 3, 31)), (saved.StartedOn, saved.CurrentTermEnd, saved.EndsOn));
        Assert.Equal(PartnershipStatus.Ended, saved.StatusOn(new DateOnly(2014, 4, 1)));
        var notice = Assert.Single(saved.NoticePeriods);
        Assert.Equal((6, NoticeUnit.Months, true), (notice.Amount, notice.Unit, notice.IsIllustrative));
        Assert.Equal(NoticeLength.Months(6), notice.Length);
    }

    [Fact]
    public async Task SaveTerm_NoticeInWeeks_KeepsTheUnit()
    {
        var p = await Load("halton-cwac-shared-service");
        var form = TermForm.From(p);
        form.Notices[1].Amount = 6;
        form.Notices[1].Unit = NoticeUnit.Weeks;

        await Editor.SaveTermAsync(p.Id, form);

        var notice = Assert.Single((await Load(p.Code)).NoticePeriods);
        Assert.Equal(form.Notices[1].OrganisationId, notice.OrganisationId);
        Assert.Equal(new NoticeLength(6, NoticeUnit.Weeks), notice.Length);
        Assert.Equal("6 weeks", notice.Describe());
    }

    [Fact]
    public async Task SaveTerm_Unchanged_KeepsNotStatedNoticesAndTheirSources()
    {
        var p = await Load("hcc-iwc-childrens-services");

        await Editor.SaveTermAsync(p.Id, TermForm.From(p));

        var saved = await Load(p.Code);
        Assert.Equal(2, saved.NoticePeriods.Count);
        Assert.All(saved.NoticePeriods, n => Assert.Equal((null, "003_070ff0fe8edf3d0d.txt, para 3"), (n.Amount, n.Source?.ToString())));
    }

    [Fact]
    public async Task Save_PredecessorAlreadyReplaced_SaysByWhich()
    {
        var strategic = await Load("hcc-iwc-childrens-services"); // already replaced by the buy-back contract
        var form = PartnershipForm.From(await Load("halton-cwac-shared-service"));
        form.PredecessorId = strategic.Id;

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveAsync(form));

        Assert.Equal("Replaced (predecessor): that partnership is already recorded as replaced by \"Isle of Wight Council from Hampshire County Council: commissioned buy-back children's services\".",
            Assert.Single(error.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Save_PredecessorChainLoopingBack_IsRejected()
    {
        // buy-back ← strategic already; making the strategic partnership succeed the buy-back would close a loop.
        var form = PartnershipForm.From(await Load("hcc-iwc-childrens-services"));
        form.PredecessorId = (await Load("iwc-hcc-buy-back")).Id;

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveAsync(form));

        Assert.Contains("its own predecessor", Assert.Single(error.Errors).ErrorMessage);
        Assert.Null((await Load("hcc-iwc-childrens-services")).PredecessorId);
    }

    [Fact]
    public async Task Save_OverlongSourceAndCode_RejectedByValidatorNotDatabase()
    {
        var form = PartnershipForm.From(await Load("halton-cwac-shared-service"));
        form.SourceDocument = new string('x', 201);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveAsync(form));

        Assert.Equal("SourceDocument", Assert.Single(error.Errors).PropertyName);
    }

    [Fact]
    public async Task SaveService_OverlongParagraphWithDocument_RejectedByValidator()
    {
        var p = await Load("hcc-iwc-childrens-services");
        var form = ServiceForm.From(p.Services[0]);
        (form.SourceDocument, form.SourceParagraph) = ("003_070ff0fe8edf3d0d.txt", new string('p', 201));

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveServiceAsync(p.Id, form));

        Assert.Equal(("SourceParagraph", "Paragraph: keep it to 200 characters (it has 201)."), (Assert.Single(error.Errors).PropertyName, error.Errors.Single().ErrorMessage));
    }

    [Fact]
    public async Task SaveTerm_EndBeforeStart_RejectsAndKeepsOldTerm()
    {
        var p = await Load("hcc-iwc-childrens-services");
        var form = TermForm.From(p);
        form.EndKind = TermEndKind.FixedDate;
        form.EndDate = new DateOnly(2013, 6, 30);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveTermAsync(p.Id, form));

        Assert.Contains(error.Errors, e => e.PropertyName == "EndDate" && e.ErrorMessage == "End date (last day): the term cannot end before it starts.");
        Assert.Equal(TermEndKind.UpToYears, (await Load(p.Code)).Term.EndKind);
    }

    [Fact]
    public async Task SaveService_BetweenNonParties_ThrowsAndSavesNothing()
    {
        var p = await Load("hcc-iwc-childrens-services");
        var form = new ServiceForm { Name = "Payroll", ProviderId = await OrganisationId("SCC"), RecipientId = await OrganisationId("IWC") };

        var error = await Assert.ThrowsAsync<DomainException>(() => Editor.SaveServiceAsync(p.Id, form));

        Assert.Equal("A service's provider and recipient must both be parties to the partnership.", error.Message);
        Assert.Single((await Load(p.Code)).Services);
    }

    [Fact]
    public async Task SaveService_AddEditRemove_RoundTrips()
    {
        var p = await Load("hcc-iwc-childrens-services");
        var hcc = await OrganisationId("HCC");
        var iwc = await OrganisationId("IWC");

        await Editor.SaveServiceAsync(p.Id, new ServiceForm { Name = "Fostering", ProviderId = hcc, RecipientId = iwc });
        var added = (await Load(p.Code)).Services.Single(s => s.Name == "Fostering");
        var edit = ServiceForm.From(added);
        edit.Name = "Fostering and adoption";
        edit.StartDate = new DateOnly(2014, 4, 1);
        await Editor.SaveServiceAsync(p.Id, edit);
        Assert.Equal(new DateOnly(2014, 4, 1), (await Load(p.Code)).Services.Single(s => s.Name == "Fostering and adoption").StartDate);

        await Editor.RemoveServiceAsync(p.Id, added.Id);

        Assert.DoesNotContain((await Load(p.Code)).Services, s => s.Id == added.Id);
    }

    [Fact]
    public async Task SaveDecision_AddThenEdit_KeepsUnknownsUnknown()
    {
        var p = await Load("halton-cwac-shared-service");
        await Editor.SaveDecisionAsync(p.Id, new DecisionForm
        {
            OrganisationId = await OrganisationId("CWAC"), DecisionMaker = "Cabinet", DecisionDate = new DateOnly(2011, 1, 12),
            Resolved = "Agreed the shared Director of Children's Services.",
        });
        var added = (await Load(p.Code)).Decisions.Single(d => d.DecisionMaker == "Cabinet");
        Assert.Null(added.IsKeyDecision);

        var edit = DecisionForm.From(added);
        edit.IsKeyDecision = false;
        edit.PublishedOn = new DateOnly(2011, 1, 10);
        await Assert.ThrowsAsync<ValidationException>(() => Editor.SaveDecisionAsync(p.Id, edit)); // published before decided
        edit.PublishedOn = new DateOnly(2011, 1, 14);
        await Editor.SaveDecisionAsync(p.Id, edit);

        var saved = (await Load(p.Code)).Decisions.Single(d => d.Id == added.Id);
        Assert.Equal((false, new DateOnly(2011, 1, 14)), (saved.IsKeyDecision, saved.PublishedOn));
    }

    [Fact]
    public async Task Save_RemovingPartyUsedByService_ThrowsAndKeepsParties()
    {
        var p = await Load("scc-iwc-education-support");
        var form = PartnershipForm.From(p);
        form.Parties = [form.Parties[0], new() { OrganisationId = await OrganisationId("HCC"), Role = PartyRole.Partner }];

        await Assert.ThrowsAsync<DomainException>(() => Editor.SaveAsync(form));

        Assert.Equal(["IWC", "SCC"], (await Load(p.Code)).Parties.Select(x => x.Organisation!.ShortCode).Order());
    }
}

public sealed class PartnershipEditorTests_Sqlite : PartnershipEditorTests<SqliteTestDatabase>;

public sealed class PartnershipEditorTests_Postgres : PartnershipEditorTests<PostgresTestDatabase>;
