using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core.Access;
using SharedServices.Domain;
using SharedServices.Web.Components.Features.KeyDates;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Security;

namespace SharedServices.Web.Components.Features.Account;

/// <summary>
/// The signed-in person's own page: who they are, signing out here or everywhere, and their secret calendar-feed
/// address. The address is shown only in the moment it is made: the database keeps only its hash.
/// </summary>
public partial class AccountPage
{
    private AccountSummary? _account;
    private bool _loaded;
    private string? _newAddress;
    private string? _problem;
    private string? _done;
    private bool _busy;

    [Inject] private YourAccount Yours { get; set; } = default!;
    [Inject] private UserAccounts Accounts { get; set; } = default!;
    [Inject] private PublicAddress Address { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _account = await Yours.LoadAsync();
        _loaded = true;
    }

    private Task MakeAsync() => ChangeFeedAsync(async id => _newAddress = FeedAddress(await Accounts.RenewCalendarFeedAsync(id)),
        "Your feed address is made.");

    private async Task RenewAsync()
    {
        if (!await Dialogs.ConfirmAsync("Renew the feed address?",
                "The old address stops working at once: any calendar subscribed to it stops updating until you give it the new address.", "Renew")) return;
        await ChangeFeedAsync(async id => _newAddress = FeedAddress(await Accounts.RenewCalendarFeedAsync(id)),
            "Your feed has a new address. The old one no longer works.");
    }

    private async Task RevokeAsync()
    {
        if (!await Dialogs.ConfirmAsync("Revoke the calendar feed?",
                "The address stops working at once, and any calendar subscribed to it stops updating. You can make a new one later.", "Revoke")) return;
        await ChangeFeedAsync(async id =>
        {
            await Accounts.RevokeCalendarFeedAsync(id);
            _newAddress = null;
        }, "Your calendar feed is revoked. Its address no longer works.");
    }

    private async Task ChangeFeedAsync(Func<string, Task> change, string done)
    {
        if (_busy || _account is null) return;
        _busy = true;
        _problem = _done = null;
        try
        {
            await change(_account.Id);
            _account = await Yours.LoadAsync();
            _done = done;
        }
        catch (DomainException ex)
        {
            _problem = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    // From the configured address, never the request's: a forged Host header must not change what people subscribe to.
    private string FeedAddress(string token) => Address.Link(KeyDateDownloads.FeedPath(token));
}
