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
    private FormErrors? _summary;
    private PartnershipForm? _form;
    private IReadOnlyList<OrganisationRow> _organisations = [];
    private IReadOnlyList<PartnershipChoice> _others = [];
    private bool _saving, _notFound;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private PartnershipRegister Register { get; set; } = default!;
    [Inject] private PartnershipEditor Editor { get; set; } = default!;
    [Inject] private OrganisationDirectory Organisations { get; set; } = default!;
    [Inject] internal PartnershipFormValidator Validator { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

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
        if (_notFound) HttpContext.AnswerNotFound();
        _form = partnership is null ? null : PartnershipForm.From(partnership);
    }

    private async Task SaveAsync()
    {
        _saving = true;
        string code = "";
        // The party rules belong to the whole list; the summary shows them with the fields' own problems.
        var saved = await _summary!.SaveAsync(_mudForm!, Validator, _form!, FieldId, async () => code = await Editor.SaveAsync(_form!),
            $"Saved {_form!.Name.Trim()}.");
        _saving = false;
        if (saved) Navigation.NavigateTo($"/partnerships/{code}");
    }

    // Where each property is edited, so the error summary can link to it.
    private static string? FieldId(string property) => property switch
    {
        nameof(PartnershipForm.Name) => "partnership-name",
        nameof(PartnershipForm.Code) => "partnership-code",
        nameof(PartnershipForm.LegalBasis) => "partnership-legal-basis",
        nameof(PartnershipForm.LegalBasisSourceDocument) => "legal-basis-source-document",
        nameof(PartnershipForm.LegalBasisSourceParagraph) => "legal-basis-source-paragraph",
        nameof(PartnershipForm.Summary) => "partnership-summary",
        nameof(PartnershipForm.SourceDocument) => "partnership-source-document",
        nameof(PartnershipForm.SourceParagraph) => "partnership-source-paragraph",
        nameof(PartnershipForm.PredecessorId) => "partnership-predecessor",
        nameof(PartnershipForm.Parties) => "partnership-parties",
        _ => null,
    };
}
