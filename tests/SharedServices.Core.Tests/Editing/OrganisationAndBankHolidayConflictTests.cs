using SharedServices.Core.Calendar;
using SharedServices.Core.Editing;
using SharedServices.Core.Organisations;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Editing;

/// <summary>Organisations and bank holidays: a second editor working from what they opened is refused.</summary>
public abstract class OrganisationAndBankHolidayConflictTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private OrganisationDirectory Directory => Get<OrganisationDirectory>();
    private BankHolidayReference Reference => Get<BankHolidayReference>();

    [Fact]
    public async Task SaveOrganisation_AfterSomeoneElseSaved_RefusedAndTheirValuesKept()
    {
        var first = OrganisationForm.From((await Directory.FindAsync("HBC"))!.Organisation);
        var second = OrganisationForm.From((await Directory.FindAsync("HBC"))!.Organisation);
        first.CallInWorkingDays = 7;
        second.Notes = "The second person's note";

        await Directory.SaveAsync(first);
        var error = await Assert.ThrowsAsync<EditConflictException>(() => Directory.SaveAsync(second));

        Assert.StartsWith("This organisation was changed by someone else since you opened it.", error.Message);
        var stored = (await Directory.FindAsync("HBC"))!.Organisation;
        Assert.Equal(7, stored.CallInWorkingDays);
        Assert.NotEqual("The second person's note", stored.Notes);
        // Opened again, the form carries the new version and saves.
        var reopened = OrganisationForm.From(stored);
        reopened.Notes = "The second person's note";
        await Directory.SaveAsync(reopened);
        Assert.Equal("The second person's note", (await Directory.FindAsync("HBC"))!.Organisation.Notes);
    }

    [Fact]
    public async Task BankHolidays_RenameThenRemoveFromTheSameOpenedYear_RemoveRefusedAndRenameKept()
    {
        await Reference.EnsureYearsAsync(2022, 2022);
        var openedByBoth = await Reference.YearVersionAsync(2022);
        var jubilee = new DateOnly(2022, 6, 3);

        await Reference.SaveAsync(jubilee, "Platinum Jubilee bank holiday", openedByBoth);
        var error = await Assert.ThrowsAsync<EditConflictException>(() => Reference.RemoveAsync(jubilee, openedByBoth));
        var addError = await Assert.ThrowsAsync<EditConflictException>(() => Reference.SaveAsync(new DateOnly(2022, 12, 28), "Extra day", openedByBoth));

        Assert.StartsWith("These bank holidays for 2022 were changed by someone else since you opened them.", error.Message);
        Assert.Equal(error.Message, addError.Message);
        var stored = await Reference.ForYearAsync(2022);
        Assert.Equal(10, stored.Count); // nothing added, nothing removed
        Assert.Equal("Platinum Jubilee bank holiday", stored.Single(h => h.Date == jubilee).Name);
        Assert.Equal(openedByBoth + 1, await Reference.YearVersionAsync(2022));
    }

    [Fact]
    public async Task BankHolidays_AnotherYearChanged_ThisYearStillSaves()
    {
        await Reference.EnsureYearsAsync(2022, 2023);
        var opened2022 = await Reference.YearVersionAsync(2022);

        await Reference.RemoveAsync(new DateOnly(2023, 5, 8), await Reference.YearVersionAsync(2023));
        await Reference.RemoveAsync(new DateOnly(2022, 9, 19), opened2022);

        Assert.Equal(9, (await Reference.ForYearAsync(2022)).Count);
        Assert.Equal(8, (await Reference.ForYearAsync(2023)).Count);
    }
}

public sealed class OrganisationAndBankHolidayConflictTests_Sqlite : OrganisationAndBankHolidayConflictTests<SqliteTestDatabase>;

public sealed class OrganisationAndBankHolidayConflictTests_Postgres : OrganisationAndBankHolidayConflictTests<PostgresTestDatabase>;
