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

    private PartnershipKind? Kind { get; set; }
    private PartnershipStatus? Status { get; set; }
    private string? _addressProblem;

    /// <summary>Kind filter from the address (the dashboard links here with ?kind=…).</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? KindInAddress { get; set; }

    /// <summary>Status filter from the address (?status=Active).</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? StatusInAddress { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Addresses are typed by hand or bookmarked: an unknown filter is reported, not a crash.
        Kind = ParseFilter<PartnershipKind>(KindInAddress, "kind");
        Status = ParseFilter<PartnershipStatus>(StatusInAddress, "status");
        _organisations = await Organisations.ListAsync();
    }

    private T? ParseFilter<T>(string? text, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        _addressProblem = $"The address asks for {name} \"{text}\", which is not one of: {string.Join(", ", Enum.GetNames<T>())}. Showing every {name}.";
        return null;
    }

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
