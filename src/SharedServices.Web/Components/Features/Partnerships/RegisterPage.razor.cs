using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Domain.Partnerships;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class RegisterPage
{
    private MudDataGrid<RegisterRow>? _grid;
    private IReadOnlyList<OrganisationRow> _organisations = [];
    private string? _search;
    private int? _organisationId;

    /// <summary>Kind filter from the address (the dashboard links here with ?kind=…).</summary>
    [SupplyParameterFromQuery(Name = "kind")] public PartnershipKind? Kind { get; set; }

    /// <summary>Status filter from the address (?status=Active).</summary>
    [SupplyParameterFromQuery(Name = "status")] public PartnershipStatus? Status { get; set; }

    protected override async Task OnInitializedAsync() => _organisations = await Organisations.ListAsync();

    private async Task<GridData<RegisterRow>> LoadAsync(GridState<RegisterRow> state, CancellationToken cancel)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var column = sort is null ? null : _grid?.RenderedColumns.FirstOrDefault(c => c.PropertyName == sort.SortBy);
        var page = await Register.FindAsync(new RegisterQuery(
            _search, Kind, Status, _organisationId,
            column?.Tag is RegisterSort by ? by : RegisterSort.Name,
            sort?.Descending ?? false,
            state.Page, state.PageSize), cancel);
        return new GridData<RegisterRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private Task SearchChanged(string? value) { _search = value; return Reload(); }
    private Task KindChanged(PartnershipKind? value) { Kind = value; return Reload(); }
    private Task StatusChanged(PartnershipStatus? value) { Status = value; return Reload(); }
    private Task OrganisationChanged(int? value) { _organisationId = value; return Reload(); }

    private Task Reload() => _grid?.ReloadServerData() ?? Task.CompletedTask;
}
