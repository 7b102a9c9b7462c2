using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Organisations;
using SharedServices.Core.SeedData;
using SharedServices.Core.Tests.Database;
using SharedServices.Core.Tests.SeedData;

namespace SharedServices.Core.Tests.Organisations;

/// <summary>Address, VAT registration and bank details saved through the organisation form, on both databases.</summary>
public abstract class OrganisationInvoicingDetailsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private OrganisationDirectory Directory => Get<OrganisationDirectory>();

    private async Task<OrganisationForm> OpenAsync(string code) => OrganisationForm.From((await Directory.FindAsync(code))!.Organisation);

    private static void Fill(OrganisationForm form)
    {
        form.Address = "County Hall\r\nHigh Street\r\n\r\nNewport";
        form.Postcode = "po301ud";
        form.VatRegistration = "999 9999 73";   // 315 + 73 = 388 = 4 × 97
        form.BankAccountName = "Isle of Wight Council";
        form.SortCode = "12 34 56";
        form.AccountNumber = "1234 5678";
        form.RemittanceEmail = "income@iow.example.gov.uk";
    }

    [Fact]
    public async Task Save_InvoicingDetails_StoredTidiedAndShownBackAsPrinted()
    {
        var form = await OpenAsync("IWC");
        Fill(form);

        await Directory.SaveAsync(form);

        var stored = (await Directory.FindAsync("IWC"))!.Organisation.Invoicing;
        Assert.Equal(("County Hall\nHigh Street\nNewport", "PO30 1UD", "GB999999973"), (stored.Address, stored.Postcode, stored.VatRegistration));
        Assert.Equal(("Isle of Wight Council", "123456", "12345678", "income@iow.example.gov.uk"),
            (stored.BankAccountName, stored.SortCode, stored.AccountNumber, stored.RemittanceEmail));
        var reopened = await OpenAsync("IWC");
        Assert.Equal(("GB 999 9999 73", "12-34-56"), (reopened.VatRegistration, reopened.SortCode));
        // Another organisation is untouched.
        Assert.Null((await Directory.FindAsync("SCC"))!.Organisation.Invoicing.Address);
    }

    [Fact]
    public async Task Save_DetailsEditedThenCleared_LastSaveKept()
    {
        var form = await OpenAsync("HCC");
        Fill(form);
        await Directory.SaveAsync(form);

        var edit = await OpenAsync("HCC");
        edit.VatRegistration = "GB 980 7806 84";   // 207 + 84 = 291 = 3 × 97
        edit.BankAccountName = edit.SortCode = edit.AccountNumber = " ";
        await Directory.SaveAsync(edit);

        var stored = (await Directory.FindAsync("HCC"))!.Organisation.Invoicing;
        Assert.Equal("GB980780684", stored.VatRegistration);
        Assert.False(stored.HasBankDetails);
        Assert.Equal((null, null, null), (stored.BankAccountName, stored.SortCode, stored.AccountNumber));
        Assert.Equal("PO30 1UD", stored.Postcode);
    }

    [Fact]
    public async Task Save_BadDetails_EachFieldNamedAndNothingSaved()
    {
        var form = await OpenAsync("SCC");
        form.Address = "Civic Centre";
        form.Postcode = "SO14";
        form.VatRegistration = "123456789";        // 112 + 89 = 201; 201 + 55 = 256: neither a multiple of 97
        form.BankAccountName = "Southampton City Council";
        form.SortCode = "12-34-5";
        form.RemittanceEmail = "income.southampton.gov.uk";

        var error = await Assert.ThrowsAsync<ValidationException>(() => Directory.SaveAsync(form));

        Assert.Equal(
        [
            "Account number: enter the account number, with the account name and sort code.",
            "Postcode: enter a UK postcode, such as PO30 1UD.",
            "Remittance e-mail: enter an e-mail address, such as income@council.gov.uk.",
            "Sort code: enter six digits, such as 12-34-56.",
            "VAT registration number: its last two digits do not check against the first seven; look at the number again.",
        ], error.Errors.Select(e => e.ErrorMessage).Order(StringComparer.Ordinal));
        await using var db = Factory.CreateDbContext();
        var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.ShortCode == "SCC");
        Assert.Null(stored.Invoicing.Address);
    }

    [Fact]
    public async Task Save_OnlyDetailsChangedByAStaleForm_RefusedAndTheFirstSaveKept()
    {
        var first = await OpenAsync("WBC");
        var stale = await OpenAsync("WBC");
        Fill(first);
        await Directory.SaveAsync(first);

        // The stale form changes nothing but a sort code: still a change to the organisation, so it meets the version check.
        Fill(stale);
        stale.SortCode = "65-43-21";
        await Assert.ThrowsAsync<EditConflictException>(() => Directory.SaveAsync(stale));

        Assert.Equal("123456", (await Directory.FindAsync("WBC"))!.Organisation.Invoicing.SortCode);
        var reopened = await OpenAsync("WBC");
        Assert.Equal(first.Version + 1, reopened.Version);
        reopened.SortCode = "65-43-21";
        await Directory.SaveAsync(reopened);
        Assert.Equal("654321", (await Directory.FindAsync("WBC"))!.Organisation.Invoicing.SortCode);
    }

    [Fact]
    public async Task SeedLoad_OrganisationWithPublishedDetails_LoadsThem()
    {
        using var seed = new SeedFolderCopy(SeedFolder);
        seed.CopyWith("organisations.json", "organisations.json", ("\"organisations\": [", "\"organisations\": [ { \"code\": \"TFC\", " +
            "\"name\": \"Testford Council\", \"kind\": \"UnitaryAuthority\", \"gssCode\": null, \"notes\": null, \"invoicing\": " + SeedInvoicingJson.Valid + " },"));

        await new SeedDataLoader(Factory).LoadAsync(seed.Folder);

        var stored = (await Directory.FindAsync("TFC"))!.Organisation.Invoicing;
        Assert.Equal(("Town Hall\nTestford", "TF1 1AA", "GB999999973", "income@testford.example.gov.uk"),
            (stored.Address, stored.Postcode, stored.VatRegistration, stored.RemittanceEmail));
        Assert.False(stored.HasBankDetails);
    }
}

public sealed class OrganisationInvoicingDetailsTests_Sqlite : OrganisationInvoicingDetailsTests<SqliteTestDatabase>;

public sealed class OrganisationInvoicingDetailsTests_Postgres : OrganisationInvoicingDetailsTests<PostgresTestDatabase>;

/// <summary>Invoicing details in a seed file, made up for tests only (the shipped seed data records none).</summary>
internal static class SeedInvoicingJson
{
    public const string Valid = """
        { "address": ["Town Hall", "Testford"], "postcode": "TF1 1AA", "vatRegistration": "GB 999 9999 73",
          "bankAccountName": null, "sortCode": null, "accountNumber": null, "remittanceEmail": "income@testford.example.gov.uk",
          "source": { "document": "test", "paragraph": null } }
        """;
}
