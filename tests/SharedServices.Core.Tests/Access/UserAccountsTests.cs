using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Tests.Database;
using SharedServices.Domain;

namespace SharedServices.Core.Tests.Access;

/// <summary>
/// Who may manage whose account: an administrator only their own organisation's people, nobody else at all. Accounts
/// are set up by the system (as the command line would), then each test acts as one person through
/// <see cref="CallerContext"/>, as the web app does for a signed-in request.
/// </summary>
public abstract class UserAccountsTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    private const string Password = "a long first phrase here";

    private UserAccounts Accounts => Get<UserAccounts>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSharedServicesAccounts();

    private async Task<(string IwcAdmin, string IwcFinance, string HbcDirector)> AddPeopleAsync()
    {
        var admin = await Accounts.AddAsync(new("admin@iow.gov.uk", "Ivy Admin", "IWC", [Roles.Administrator], Password));
        var finance = await Accounts.AddAsync(new("finance@iow.gov.uk", "Fred Finance", "IWC", [Roles.FinanceOfficer], Password));
        var director = await Accounts.AddAsync(new("director@halton.gov.uk", "Hal Director", "HBC", [Roles.Director], Password));
        return (admin.Id, finance.Id, director.Id);
    }

    /// <summary>
    /// The account as a caller, with its roles and organisation as they stand (as sign-in would make them). Used as
    /// <c>CallerContext.Use(await CallerOf(id))</c> in the test itself: an AsyncLocal set inside an async helper would
    /// be undone when the helper returned.
    /// </summary>
    private async Task<Caller> CallerOf(string userId) => (await Accounts.CallerForAsync(userId))!;

    [Fact]
    public async Task An_administrator_lists_only_their_own_organisations_people()
    {
        var (admin, _, _) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin)))
        {
            var listed = await Accounts.ListAsync();

            // Ivy and Fred are at the Isle of Wight; Hal (Halton) is not shown. By name: Fred, then Ivy.
            Assert.Equal(["finance@iow.gov.uk", "admin@iow.gov.uk"], listed.Select(a => a.Email));
        }
    }

    [Fact]
    public async Task An_administrator_cannot_add_a_person_to_another_organisation()
    {
        var (admin, _, _) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin)))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                Accounts.AddAsync(new("new@halton.gov.uk", "New Person", "HBC", [Roles.BoardMember], Password)));

            Assert.Equal("Only an administrator of the person's own organisation may manage their account.", refused.Message);
        }
        Assert.DoesNotContain(await Accounts.ListAsync(), a => a.Email == "new@halton.gov.uk");
    }

    [Fact]
    public async Task Another_organisations_person_is_no_such_account_to_disable_enable_or_change_roles()
    {
        var (admin, _, halton) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin)))
        {
            Assert.Equal("There is no such account.", (await Assert.ThrowsAsync<DomainException>(() => Accounts.DisableAsync(halton))).Message);
            Assert.Equal("There is no such account.", (await Assert.ThrowsAsync<DomainException>(() => Accounts.EnableAsync(halton))).Message);
            Assert.Equal("There is no such account.",
                (await Assert.ThrowsAsync<DomainException>(() => Accounts.SetRolesAsync(halton, [Roles.BoardMember]))).Message);
        }
        var caller = await Accounts.CallerForAsync(halton);
        Assert.NotNull(caller);
        Assert.Equal([Roles.Director], caller.Roles);
    }

    [Fact]
    public async Task A_person_who_is_not_an_administrator_cannot_manage_accounts_even_in_their_own_organisation()
    {
        var (admin, finance, _) = await AddPeopleAsync();
        const string refusal = "Only an administrator of the person's own organisation may manage their account.";

        using (CallerContext.Use(await CallerOf(finance)))
        {
            Assert.Equal(refusal, (await Assert.ThrowsAsync<DomainException>(() => Accounts.DisableAsync(admin))).Message);
            Assert.Equal(refusal, (await Assert.ThrowsAsync<DomainException>(() => Accounts.SetRolesAsync(finance, [Roles.Administrator]))).Message);
            Assert.Equal(refusal, (await Assert.ThrowsAsync<DomainException>(() =>
                Accounts.AddAsync(new("friend@iow.gov.uk", "A Friend", "IWC", [Roles.Administrator], Password)))).Message);
        }
        Assert.False((await Accounts.CallerForAsync(finance))!.HasRole(Roles.Administrator));
        Assert.Equal(2, (await Accounts.ListAsync()).Count(a => a.OrganisationName == "Isle of Wight Council"));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves()
    {
        var (admin, _, _) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin)))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Accounts.DisableAsync(admin));

            Assert.Equal("You cannot disable your own account.", refused.Message);
        }
        Assert.NotNull(await Accounts.CallerForAsync(admin));
    }

    [Fact]
    public async Task An_administrator_disables_and_enables_their_own_organisations_person()
    {
        var (admin, finance, _) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin))) await Accounts.DisableAsync(finance);
        Assert.Null(await Accounts.CallerForAsync(finance));

        using (CallerContext.Use(await CallerOf(admin))) await Accounts.EnableAsync(finance);
        Assert.NotNull(await Accounts.CallerForAsync(finance));
    }

    [Fact]
    public async Task Changing_roles_changes_the_security_stamp_so_open_sessions_pick_it_up()
    {
        var (admin, finance, _) = await AddPeopleAsync();
        var before = await StampOf(finance);

        using (CallerContext.Use(await CallerOf(admin))) await Accounts.SetRolesAsync(finance, [Roles.FinanceOfficer, Roles.Director]);

        Assert.NotEqual(before, await StampOf(finance));
        Assert.Equal([Roles.Director, Roles.FinanceOfficer], (await Accounts.CallerForAsync(finance))!.Roles.Order());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_it()
    {
        var (admin, finance, _) = await AddPeopleAsync();

        using (CallerContext.Use(await CallerOf(admin)))
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Accounts.SetRolesAsync(finance, ["Treasurer"]));

            Assert.Equal("Roles: \"Treasurer\" is not a role. The roles are Administrator, Finance officer, Director, Board member.", refused.Message);
        }
        Assert.Equal([Roles.FinanceOfficer], (await Accounts.CallerForAsync(finance))!.Roles);
    }

    private async Task<string?> StampOf(string userId)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }
}

public sealed class UserAccountsTests_Sqlite : UserAccountsTests<SqliteTestDatabase>;

public sealed class UserAccountsTests_Postgres : UserAccountsTests<PostgresTestDatabase>;
