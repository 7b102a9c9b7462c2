using SharedServices.Core.Editing;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Editing;

/// <summary>The messages of the two forms whose rules look in the database (codes already used, predecessors).</summary>
public abstract class FormMessageDatabaseTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private async Task<IReadOnlyList<(string, string)>> ErrorsAsync<T>(FormValidator<T> validator, T form) =>
        (await validator.ValidateAsync(form)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    private async Task<PartnershipForm> LoadAsync(string code) =>
        PartnershipForm.From((await Get<PartnershipDetails>().FindAsync(code))!);

    [Fact]
    public async Task PartnershipForm_100KBSummary_RefusedSayingHowLong()
    {
        var form = await LoadAsync("halton-cwac-shared-service");
        form.Summary = new string('s', 100 * 1024);

        Assert.Equal([("Summary", "Summary: keep it to 4,000 characters (it has 102,400).")], await ErrorsAsync(Get<PartnershipFormValidator>(), form));
    }

    [Fact]
    public async Task PartnershipForm_NewAndEmpty_NamesEachField()
    {
        var form = new PartnershipForm { LegalBasis = new string('l', 1001), LegalBasisSourceParagraph = "para 1", Parties = [] };

        Assert.Equal(
        [
            ("Code", "Code: enter a code, such as hcc-iwc-childrens-services."),
            ("Name", "Name: enter the partnership's name."),
            ("LegalBasis", "Legal basis: keep it to 1,000 characters (it has 1,001)."),
            ("LegalBasisSourceParagraph", "Paragraph: name the source document before its paragraph."),
            ("Parties", "Parties: choose at least two organisations as parties."),
        ], await ErrorsAsync(Get<PartnershipFormValidator>(), form));
    }

    [Fact]
    public async Task PartnershipForm_CodeTakenOrMisshapenAndPredecessorItself_NamesTheFields()
    {
        var form = await LoadAsync("halton-cwac-shared-service");
        var copy = await LoadAsync("halton-cwac-shared-service");
        (copy.Id, copy.Name) = (null, new string('n', 301));
        form.PredecessorId = form.Id;
        form.Parties.Add(new PartyForm { OrganisationId = form.Parties[0].OrganisationId });

        Assert.Equal(
        [
            ("PredecessorId", "Replaced (predecessor): a partnership cannot succeed itself."),
            ("Parties", "Parties: each organisation can be a party only once."),
        ], await ErrorsAsync(Get<PartnershipFormValidator>(), form));
        Assert.Equal(
        [
            ("Code", "Code: another partnership already uses this code."),
            ("Name", "Name: keep it to 300 characters (it has 301)."),
        ], await ErrorsAsync(Get<PartnershipFormValidator>(), copy));
        copy.Code = "Not A Code";
        Assert.Contains(("Code", "Code: use lower-case words and digits joined by hyphens, such as hcc-iwc-childrens-services."),
            await ErrorsAsync(Get<PartnershipFormValidator>(), copy));
    }

    [Fact]
    public async Task OrganisationForm_Mistakes_NameEachField()
    {
        var validator = Get<OrganisationFormValidator>();

        Assert.Equal(
        [
            ("Name", "Name: enter the organisation's name."),
            ("ShortCode", "Short code: enter a short code, such as IWC."),
            ("GssCode", "GSS code: enter a letter and eight digits, such as E06000046."),
            ("Notes", "Notes: keep it to 2,000 characters (it has 2,001)."),
            ("CallInWorkingDays", "Call-in period (working days): enter a number from 1 to 30."),
        ], await ErrorsAsync(validator, new OrganisationForm { GssCode = "X123", Notes = new string('n', 2001), CallInWorkingDays = 0 }));
        Assert.Equal(
        [
            ("Name", "Name: keep it to 200 characters (it has 201)."),
            ("ShortCode", "Short code: another organisation already uses the code IWC."),
        ], await ErrorsAsync(validator, new OrganisationForm { Name = new string('n', 201), ShortCode = "IWC" }));
        Assert.Equal([("ShortCode", "Short code: use 2 to 10 capital letters or digits, such as IWC.")],
            await ErrorsAsync(validator, new OrganisationForm { Name = "Portsmouth", ShortCode = "p" }));
    }
}

public sealed class FormMessageDatabaseTests_Sqlite : FormMessageDatabaseTests<SqliteTestDatabase>;

public sealed class FormMessageDatabaseTests_Postgres : FormMessageDatabaseTests<PostgresTestDatabase>;
