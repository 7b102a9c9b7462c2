using Microsoft.AspNetCore.Components;
using SharedServices.Core;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class PartnershipPage
{
    private Partnership? _partnership;
    private bool _loading = true;
    private DateOnly _today;
    private PartnershipStatus _status;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _partnership = await Details.FindAsync(Code);
        _today = Clock.Today();
        if (_partnership is not null) _status = _partnership.StatusOn(_today);
        _loading = false;
    }
}
