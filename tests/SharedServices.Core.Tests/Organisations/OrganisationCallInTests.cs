using FluentValidation;
using SharedServices.Core.Organisations;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Tests.Organisations;

/// <summary>The call-in period on the organisation form: how many working days a decision can be called in.</summary>
public abstract class OrganisationCallInTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private OrganisationDirectory Directory => Get<OrganisationDirectory>();

    [Fact]
    public async Task Save_NewOrganisationWithoutCallInPeriod_HasFiveWorkingDays()
    {
        var code = await Directory.SaveAsync(new OrganisationForm { Name = "Portsmouth City Council", ShortCode = "PCC" });

        var saved = (await Directory.FindAsync(code))!.Organisation;
        Assert.Equal(Organisation.DefaultCallInWorkingDays, saved.CallInWorkingDays);
        Assert.Equal(5, OrganisationForm.From(saved).CallInWorkingDays);
    }

    [Fact]
    public async Task Save_EditedCallInPeriod_IsStoredAndReadBackByTheForm()
    {
        var form = OrganisationForm.From((await Directory.FindAsync("IWC"))!.Organisation);
        form.CallInWorkingDays = 10;

        await Directory.SaveAsync(form);

        var saved = (await Directory.FindAsync("IWC"))!.Organisation;
        Assert.Equal(10, saved.CallInWorkingDays);
        Assert.Equal(10, OrganisationForm.From(saved).CallInWorkingDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-5)]
    public async Task Save_CallInPeriodOutOfRange_IsRefusedNamingTheField(int days)
    {
        var form = OrganisationForm.From((await Directory.FindAsync("IWC"))!.Organisation);
        form.CallInWorkingDays = days;

        var error = await Assert.ThrowsAsync<ValidationException>(() => Directory.SaveAsync(form));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(nameof(OrganisationForm.CallInWorkingDays), failure.PropertyName);
        Assert.Equal("Call-in period (working days): enter a number from 1 to 30.", failure.ErrorMessage);
        Assert.Equal(5, (await Directory.FindAsync("IWC"))!.Organisation.CallInWorkingDays);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public async Task Save_CallInPeriodAtTheLimits_IsAccepted(int days)
    {
        var form = OrganisationForm.From((await Directory.FindAsync("IWC"))!.Organisation);
        form.CallInWorkingDays = days;

        await Directory.SaveAsync(form);

        Assert.Equal(days, (await Directory.FindAsync("IWC"))!.Organisation.CallInWorkingDays);
    }
}

public sealed class OrganisationCallInTests_Sqlite : OrganisationCallInTests<SqliteTestDatabase>;

public sealed class OrganisationCallInTests_Postgres : OrganisationCallInTests<PostgresTestDatabase>;
