using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core.Organisations;
using SharedServices.Core.Partnerships;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Partnerships;

public partial class PartnershipEditPage
{
    private MudForm? _mudForm;
    private PartnershipForm? _form;
    private IReadOnlyList<OrganisationRow> _organisations = [];
    private IReadOnlyList<PartnershipChoice> _others = [];
    private IReadOnlyList<string> _errors = [];
    private bool _saving, _notFound;
    private string? _conflict;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private PartnershipRegister Register { get; set; } = default!;
    [Inject] private PartnershipEditor Editor { get; set; } = default!;
    [Inject] private OrganisationDirectory Organisations { get; set; } = default!;
    [Inject] internal PartnershipFormValidator Validator { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The partnership's code when editing; null when creating.</summary>
    [Parameter] public string? Code { get; set; }

    private bool IsEdit => Code is not null;
    private string Heading => IsEdit ? "Edit partnership" : "New partnership";

    protected override async Task OnParametersSetAsync()
    {
        _organisations = await Organisations.ListAsync();
        _others = (await Register.ChoicesAsync()).Where(p => p.Code != Code).ToList();
        if (Code is null)
        {
            _form = new PartnershipForm();
            return;
        }
        var partnership = await Details.FindAsync(Code);
        _notFound = partnership is null;
        _form = partnership is null ? null : PartnershipForm.From(partnership);
    }

    private async Task SaveAsync()
    {
        await _mudForm!.ValidateAsync();
        // Party rules belong to the whole list, so they are checked here and shown above the buttons.
        var result = await Validator.ValidateAsync(_form!, o => o.IncludeProperties(nameof(PartnershipForm.Parties)));
        _errors = result.Errors.Select(e => e.ErrorMessage).ToList();
        if (!_mudForm.IsValid || _errors.Count > 0) return;
        _saving = true;
        string code = "";
        (var saved, _errors, _conflict) = await EditConflict.TrySave(async () => code = await Editor.SaveAsync(_form!));
        _saving = false;
        if (saved) Navigation.NavigateTo($"/partnerships/{code}");
    }

    /// <summary>After a refused save: the form again, with what the other person saved.</summary>
    private async Task ReloadAsync()
    {
        (_conflict, _errors) = (null, []);
        await OnParametersSetAsync();
    }
}
