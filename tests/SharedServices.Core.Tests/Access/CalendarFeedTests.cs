using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedServices.Core.Access;
using SharedServices.Core.Tests.Database;

namespace SharedServices.Core.Tests.Access;

/// <summary>A person's secret calendar-feed address: stored only as a hash, replaced by renewing, ended by revoking or disabling.</summary>
public abstract class CalendarFeedTests<TDatabase> : DatabaseTest<TDatabase> where TDatabase : TestDatabase, new()
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSharedServicesAccounts();

    private UserAccounts Accounts => Get<UserAccounts>();

    /// <summary>Jane, a board member at the Isle of Wight (added by the system, as the command line would).</summary>
    private async Task<string> JaneAsync()
    {
        using var _ = CallerContext.Use(Caller.System("Test set-up"));
        return (await Accounts.AddAsync(new NewAccount("jane.smith@iwc.test", "Jane Smith", "IWC", [Roles.BoardMember], "a-long-enough-phrase"))).Id;
    }

    private async Task<string?> StoredHashAsync(string userId)
    {
        await using var db = Factory.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.CalendarFeedTokenHash).SingleAsync();
    }

    // Worked independently of FeedToken: SHA-256 of the token's UTF-8 bytes, as lower-case hex.
    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    [Fact]
    public void Hash_Abc_IsTheStandardSha256()
    {
        // The FIPS 180-2 example: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FeedToken.Hash("abc"));
    }

    [Fact]
    public async Task Renew_OwnAccount_StoresTheHashNeverTheToken()
    {
        var jane = await JaneAsync();
        using var _ = CallerContext.Use((await Accounts.CallerForAsync(jane))!);

        var token = await Accounts.RenewCalendarFeedAsync(jane);

        // 32 random bytes in URL-safe base64 without padding: 43 characters.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        var stored = await StoredHashAsync(jane);
        Assert.Equal(Sha256(token), stored);
        Assert.DoesNotContain(token, stored!);
    }

    [Fact]
    public async Task CallerForCalendarFeed_CurrentToken_IsTheOwnerWithinTheirOrganisation()
    {
        var jane = await JaneAsync();
        string token;
        using (CallerContext.Use((await Accounts.CallerForAsync(jane))!)) token = await Accounts.RenewCalendarFeedAsync(jane);
        int isleOfWight;
        await using (var db = Factory.CreateDbContext()) isleOfWight = await db.Organisations.Where(o => o.ShortCode == "IWC").Select(o => o.Id).SingleAsync();

        // Asked with nobody signed in, as the feed endpoint is.
        Caller? caller;
        using (CallerContext.Use(Caller.Nobody)) caller = await Accounts.CallerForCalendarFeedAsync(token);

        Assert.NotNull(caller);
        Assert.Equal(jane, caller.UserId);
        Assert.Equal(isleOfWight, caller.OrganisationId);
        Assert.False(caller.SeesEverything);
        Assert.Equal("Jane Smith (jane.smith@iwc.test)", caller.Name);
    }

    [Fact]
    public async Task Renew_Again_OldTokenAnswersNothingAndTheNewOneWorks()
    {
        var jane = await JaneAsync();
        using var _ = CallerContext.Use((await Accounts.CallerForAsync(jane))!);
        var old = await Accounts.RenewCalendarFeedAsync(jane);

        var renewed = await Accounts.RenewCalendarFeedAsync(jane);

        Assert.NotEqual(old, renewed);
        Assert.Null(await Accounts.CallerForCalendarFeedAsync(old));
        Assert.Equal(jane, (await Accounts.CallerForCalendarFeedAsync(renewed))?.UserId);
        Assert.Equal(Sha256(renewed), await StoredHashAsync(jane));
    }

    [Fact]
    public async Task Revoke_AnsweringNothingAndStoringNothing()
    {
        var jane = await JaneAsync();
        using var _ = CallerContext.Use((await Accounts.CallerForAsync(jane))!);
        var token = await Accounts.RenewCalendarFeedAsync(jane);

        await Accounts.RevokeCalendarFeedAsync(jane);

        Assert.Null(await Accounts.CallerForCalendarFeedAsync(token));
        Assert.Null(await StoredHashAsync(jane));
    }

    [Fact]
    public async Task CallerForCalendarFeed_DisabledAccount_AnswersNothing()
    {
        var jane = await JaneAsync();
        string token;
        using (CallerContext.Use((await Accounts.CallerForAsync(jane))!)) token = await Accounts.RenewCalendarFeedAsync(jane);
        // Disabled behind the app's back, hash left in place: the check on the account itself must still refuse.
        await using (var db = Factory.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == jane);
            user.DisabledAtUtc = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        Assert.Equal(Sha256(token), await StoredHashAsync(jane));
        Assert.Null(await Accounts.CallerForCalendarFeedAsync(token));
    }

    [Fact]
    public async Task Disable_ByTheSystem_EndsTheFeed()
    {
        var jane = await JaneAsync();
        string token;
        using (CallerContext.Use((await Accounts.CallerForAsync(jane))!)) token = await Accounts.RenewCalendarFeedAsync(jane);

        using (CallerContext.Use(Caller.System("Test"))) await Accounts.DisableAsync(jane);

        Assert.Null(await Accounts.CallerForCalendarFeedAsync(token));
        Assert.Null(await StoredHashAsync(jane));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%")] // 43 characters, one not URL-safe
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters
    public async Task CallerForCalendarFeed_Malformed_AnswersNothing(string? token) =>
        Assert.Null(await Accounts.CallerForCalendarFeedAsync(token));

    [Fact]
    public async Task CallerForCalendarFeed_WellFormedButUnknown_AnswersNothing()
    {
        await JaneAsync();

        Assert.Null(await Accounts.CallerForCalendarFeedAsync(new string('A', 43)));
    }
}

public sealed class CalendarFeedTests_Sqlite : CalendarFeedTests<SqliteTestDatabase>;

public sealed class CalendarFeedTests_Postgres : CalendarFeedTests<PostgresTestDatabase>;
