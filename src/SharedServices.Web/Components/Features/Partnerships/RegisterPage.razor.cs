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
    private bool _noEndDate;

    private PartnershipKind? Kind { get; set; }
    private PartnershipStatus? Status { get; set; }
    private string? _addressProblem;
    private (string? Kind, string? Status, string? Ends)? _appliedAddress;

    /// <summary>The register's address for the live partnerships with no end date, which the dashboard and key dates link to.</summary>
    public const string NoEndDateAddress = "/partnerships?ends=none";

    /// <summary>Kind filter from the address (the dashboard links here with ?kind=…).</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? KindInAddress { get; set; }

    /// <summary>Status filter from the address (?status=Active).</summary>
    [SupplyParameterFromQuery(Name = "status")] public string? StatusInAddress { get; set; }

    /// <summary>?ends=none keeps only the live partnerships with no end date (the dashboard counts them and links here).</summary>
    [SupplyParameterFromQuery(Name = "ends")] public string? EndsInAddress { get; set; }

    /// <summary>The organisation filter's choices, read once per page view: the prerender's list is handed to the live page.</summary>
    [PersistentState] public IReadOnlyList<OrganisationRow>? OrganisationChoices { get; set; }

    protected override async Task OnInitializedAsync() => _organisations = OrganisationChoices ??= await Organisations.ListAsync();

    /// <summary>Runs on first load and whenever the address changes (e.g. the menu link clears ?status=).</summary>
    protected override async Task OnParametersSetAsync()
    {
        var address = (KindInAddress, StatusInAddress, EndsInAddress);
        if (_appliedAddress == address) return;
        var firstLoad = _appliedAddress is null;
        _appliedAddress = address;
        // Addresses are typed by hand or bookmarked: an unknown filter is reported, not a crash.
        _addressProblem = null;
        Kind = ParseFilter<PartnershipKind>(KindInAddress, "kind");
        Status = ParseFilter<PartnershipStatus>(StatusInAddress, "status");
        _noEndDate = ParseEnds(EndsInAddress);
        if (!firstLoad) await FiltersChanged(); // on first load the grid fetches by itself
    }

    private T? ParseFilter<T>(string? text, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        Problem($"The address asks for {name} \"{text}\", which is not one of: {string.Join(", ", Enum.GetNames<T>())}. Showing every {name}.");
        return null;
    }

    private bool ParseEnds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase)) return true;
        Problem($"The address asks for ends \"{text}\", but the only choice is \"none\" (live partnerships with no end date). Showing every partnership, whatever its end.");
        return false;
    }

    // More than one filter in the address can be wrong: each is reported.
    private void Problem(string message) => _addressProblem = _addressProblem is null ? message : _addressProblem + " " + message;

    private async Task<GridData<RegisterRow>> LoadAsync(GridState<RegisterRow> state, CancellationToken cancel)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var column = sort is null ? null : _grid?.RenderedColumns.FirstOrDefault(c => c.PropertyName == sort.SortBy);
        var page = await Register.FindAsync(new RegisterQuery(
            _search, Kind, Status, _organisationId,
            column?.Tag is RegisterSort by ? by : RegisterSort.Name,
            sort?.Descending ?? false,
            state.Page, state.PageSize, _noEndDate), cancel);
        return new GridData<RegisterRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private Task SearchChanged(string? value) { _search = value; return FiltersChanged(); }
    private Task KindChanged(PartnershipKind? value) { Kind = value; return FiltersChanged(); }
    private Task StatusChanged(PartnershipStatus? value) { Status = value; return FiltersChanged(); }
    private Task OrganisationChanged(int? value) { _organisationId = value; return FiltersChanged(); }
    private Task NoEndDateChanged(bool value) { _noEndDate = value; return FiltersChanged(); }

    /// <summary>New filters start again from the first page: page 3 of the old results may not exist in the new.</summary>
    private async Task FiltersChanged()
    {
        if (_grid is null) return; // first render: the grid loads by itself
        if (_grid.CurrentPage != 0) _grid.NavigateTo(MudBlazor.Page.First);
        else await _grid.ReloadServerData();
    }
}
