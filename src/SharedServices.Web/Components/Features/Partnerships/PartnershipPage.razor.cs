using Microsoft.AspNetCore.Components;
using SharedServices.Core;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class PartnershipPage
{
    private Partnership? _partnership;
    private bool _loading = true;
    private DateOnly _today;
    private PartnershipStatus _status;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The request while the page is prerendered on the server; null once the page is live.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _partnership = await Details.FindAsync(Code);
        _today = Clock.Today();
        if (_partnership is not null) _status = _partnership.StatusOn(_today);
        else HttpContext.AnswerNotFound();
        _loading = false;
    }
}
