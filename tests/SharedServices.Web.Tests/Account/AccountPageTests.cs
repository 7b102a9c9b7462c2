using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SharedServices.Core.Access;
using SharedServices.Web.Components.Features.Account;
using SharedServices.Web.Tests.Harness;

namespace SharedServices.Web.Tests.Account;

public sealed partial class AccountPageTests : ComponentTestContext
{
    private const string Email = "jane.smith@iwc.test";

    private UserAccounts Accounts => Services.GetRequiredService<UserAccounts>();

    /// <summary>Makes Jane, a director and board member at the Isle of Wight, and returns her as the caller.</summary>
    private async Task<Caller> JaneAsync()
    {
        string id;
        using (CallerContext.Use(Caller.System("Test set-up")))
            id = (await Accounts.AddAsync(new NewAccount(Email, "Jane Smith", "IWC", [Roles.BoardMember, Roles.Director], "a-long-enough-phrase"))).Id;
        return await Accounts.CallerForAsync(id) ?? throw new InvalidOperationException("Jane is disabled.");
    }

    private IRenderedComponent<AccountPage> RenderLoaded(out IRenderedComponent<MudDialogProvider> dialogs)
    {
        dialogs = Render<MudDialogProvider>();
        var cut = Render<AccountPage>();
        cut.WaitForAssertion(() => cut.Find("#calendar-feed"), Timeout);
        return cut;
    }

    private async Task<string?> StoredHashAsync(string userId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.CalendarFeedTokenHash).SingleAsync();
    }

    // Worked independently of FeedToken: SHA-256 of the token's UTF-8 bytes, as lower-case hex.
    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    [GeneratedRegex("^https://sharedservices\\.example\\.gov\\.uk/key-dates/feed/(?<token>[A-Za-z0-9_-]{43})\\.ics$")]
    private static partial Regex FeedAddress();

    [Fact]
    public async Task AccountPage_SignedIn_ShowsWhoYouAreAndBothWaysToSignOut()
    {
        using var signedIn = CallerContext.Use(await JaneAsync());

        var cut = RenderLoaded(out _);

        Assert.Equal("Jane Smith", cut.TextOf("#account-name"));
        Assert.Equal(Email, cut.TextOf("#account-email"));
        Assert.Equal("Isle of Wight Council", cut.TextOf("#account-organisation"));
        // In the order of the roles table, whatever order they were given in.
        Assert.Equal("Director, Board member", cut.TextOf("#account-roles"));
        // Plain form posts to the sign-out endpoints, each with its anti-forgery token.
        var forms = cut.FindAll("form");
        Assert.Equal(["/account/sign-out", "/account/sign-out-everywhere"], forms.Select(f => f.GetAttribute("action")));
        Assert.All(forms, f => Assert.Equal("post", f.GetAttribute("method")));
        Assert.Equal("You have no calendar feed.", cut.TextOf("#feed-none"));
        Assert.Empty(cut.FindAll("#feed-renew"));
    }

    [Fact]
    public async Task AccountPage_MakeFeed_ShowsTheAddressOnceAndKeepsOnlyItsHash()
    {
        var jane = await JaneAsync();
        using var signedIn = CallerContext.Use(jane);
        var cut = RenderLoaded(out _);

        await cut.Find("#feed-make").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => cut.Find("#feed-address"), Timeout);
        // Built from the configured PublicBaseUrl, not the page's own address (http://localhost/ under bUnit).
        var match = FeedAddress().Match(cut.TextOf("#feed-address"));
        Assert.True(match.Success, cut.TextOf("#feed-address"));
        var token = match.Groups["token"].Value;
        Assert.Contains("Anyone who has this address can read the key dates of Isle of Wight Council's partnerships", cut.TextOf("#feed-warning"));
        Assert.Contains("Ctrl+C", cut.TextOf("#feed-copy-hint"));
        Assert.Equal(Sha256(token), await StoredHashAsync(jane.UserId!));
        Assert.NotNull(await Accounts.CallerForCalendarFeedAsync(token));

        // Opened again, the page cannot show it: it says a feed is active and offers only renew and revoke.
        var again = Render<AccountPage>();
        again.WaitForAssertion(() => again.Find("#feed-active"), Timeout);
        Assert.Empty(again.FindAll("#feed-address"));
        Assert.Empty(again.FindAll("#feed-make"));
        Assert.Single(again.FindAll("#feed-renew"));
        Assert.Single(again.FindAll("#feed-revoke"));
    }

    [Fact]
    public async Task AccountPage_RenewConfirmed_ShowsANewAddressAndTheOldStopsWorking()
    {
        var jane = await JaneAsync();
        using var signedIn = CallerContext.Use(jane);
        var old = await Accounts.RenewCalendarFeedAsync(jane.UserId!);
        var cut = RenderLoaded(out var dialogs);

        // Not awaited: the click's handler waits for the confirmation dialog to close.
        _ = cut.Find("#feed-renew").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-action"), Timeout);
        Assert.StartsWith("The old address stops working at once", dialogs.TextOf("#confirm-question"));
        await dialogs.Find("#confirm-action").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => cut.Find("#feed-address"), Timeout);
        var token = FeedAddress().Match(cut.TextOf("#feed-address")).Groups["token"].Value;
        Assert.NotEqual(old, token);
        Assert.Null(await Accounts.CallerForCalendarFeedAsync(old));
        Assert.Equal(jane.UserId, (await Accounts.CallerForCalendarFeedAsync(token))?.UserId);
    }

    [Fact]
    public async Task AccountPage_RevokeKept_ChangesNothing()
    {
        var jane = await JaneAsync();
        using var signedIn = CallerContext.Use(jane);
        var token = await Accounts.RenewCalendarFeedAsync(jane.UserId!);
        var cut = RenderLoaded(out var dialogs);

        _ = cut.Find("#feed-revoke").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-keep"), Timeout);
        await dialogs.Find("#confirm-keep").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#confirm-keep")), Timeout);
        Assert.Equal(Sha256(token), await StoredHashAsync(jane.UserId!));
        Assert.Single(cut.FindAll("#feed-active"));
    }

    [Fact]
    public async Task AccountPage_RevokeConfirmed_RemovesTheFeed()
    {
        var jane = await JaneAsync();
        using var signedIn = CallerContext.Use(jane);
        var token = await Accounts.RenewCalendarFeedAsync(jane.UserId!);
        var cut = RenderLoaded(out var dialogs);

        _ = cut.Find("#feed-revoke").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-action"), Timeout);
        await dialogs.Find("#confirm-action").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => cut.Find("#feed-none"), Timeout);
        Assert.Equal("Your calendar feed is revoked. Its address no longer works.", cut.TextOf("#feed-done"));
        Assert.Null(await StoredHashAsync(jane.UserId!));
        Assert.Null(await Accounts.CallerForCalendarFeedAsync(token));
    }
}
