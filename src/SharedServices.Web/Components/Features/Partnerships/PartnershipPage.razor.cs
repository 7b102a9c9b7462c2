using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SharedServices.Core;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Shared;
using SharedServices.Web.Security;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class PartnershipPage
{
    private bool _loading = true;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? SignedIn { get; set; }

    // Which buttons to show, checked once as the page starts rather than by an AuthorizeView per group of buttons
    // (each a component held for as long as the page is open).
    private bool _canGovern;
    private bool _canFinance;

    protected override async Task OnInitializedAsync()
    {
        _canGovern = await Authorization.AllowsAsync(SignedIn, Policies.Governance);
        _canFinance = await Authorization.AllowsAsync(SignedIn, Policies.Finance);
    }

    /// <summary>The request while the page is prerendered on the server; null once the page is live.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    /// <summary>
    /// What the page shows, read once per page view: the prerender's view is handed to the live page, which would
    /// otherwise load the partnership again when it connects. Null when there is no such partnership.
    /// </summary>
    [PersistentState] public PartnershipView? Shown { get; set; }

    private PartnershipView? Partnership => Shown;

    // Loads again only for another partnership (a link to the predecessor or successor keeps this page and changes the code).
    protected override Task OnParametersSetAsync()
    {
        if (Shown is { } shown && shown.Code == Code)
        {
            _loading = false;
            return Task.CompletedTask;
        }
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var partnership = await Details.FindAsync(Code);
        Shown = partnership is null ? null : PartnershipView.Of(partnership, Clock.Today());
        if (partnership is null) HttpContext.AnswerNotFound();
        _loading = false;
    }

    /// <summary>The whole partnership as saved now, for the notice question (its rules need all of it).</summary>
    private Task<Partnership?> LoadForQuestionAsync() => Details.FindAsync(Code);
}
