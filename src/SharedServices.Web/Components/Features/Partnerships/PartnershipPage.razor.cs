using Microsoft.AspNetCore.Components;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class PartnershipPage
{
    private Partnership? _partnership;
    private bool _loading = true;

    [Inject] private PartnershipDetails Details { get; set; } = default!;

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _partnership = await Details.FindAsync(Code);
        _loading = false;
    }
}
