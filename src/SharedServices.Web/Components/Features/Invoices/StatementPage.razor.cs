using Microsoft.AspNetCore.Components;
using SharedServices.Core.Invoicing;
using SharedServices.Core.Organisations;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Recharging;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Invoices;

/// <summary>
/// The statement of account between a provider and a recipient. The choice lives in the address
/// (?provider=SCC&amp;recipient=IWC&amp;period=2013-10), so a statement can be bookmarked or sent to a colleague;
/// an address that names no such council or period says so rather than failing.
/// </summary>
public partial class StatementPage
{
    private IReadOnlyList<OrganisationRow> _organisations = [];
    private int _provider, _recipient;
    private string? _periodText;
    private string? _providerError, _recipientError, _periodError, _addressProblem;
    private StatementOfAccount? _statement;
    private string? _shownPeriod;
    private FormErrors? _summary;

    [Inject] private Receivables Receivables { get; set; } = default!;
    [Inject] private OrganisationDirectory Organisations { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The provider's short code, from the address.</summary>
    [SupplyParameterFromQuery(Name = "provider")] public string? ProviderInAddress { get; set; }

    /// <summary>The recipient's short code, from the address.</summary>
    [SupplyParameterFromQuery(Name = "recipient")] public string? RecipientInAddress { get; set; }

    /// <summary>The period, as <see cref="RechargePeriod.Parse"/> reads it, from the address.</summary>
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodInAddress { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_organisations.Count == 0) _organisations = await Organisations.ListAsync();
        _addressProblem = null;
        _statement = null;
        if (string.IsNullOrWhiteSpace(ProviderInAddress) && string.IsNullOrWhiteSpace(RecipientInAddress) && string.IsNullOrWhiteSpace(PeriodInAddress)) return;

        var problems = new List<string>();
        _provider = FromAddress(ProviderInAddress, "provider", problems);
        _recipient = FromAddress(RecipientInAddress, "recipient", problems);
        if (problems.Count == 0 && _provider == _recipient) problems.Add("The address names the same council as provider and recipient; choose two different councils.");
        RechargePeriod? period = null;
        try
        {
            period = RechargePeriod.Parse(PeriodInAddress);
            _periodText = period.Label;
        }
        catch (DomainException ex)
        {
            _periodText = PeriodInAddress;
            problems.Add($"The address gives the period \"{PeriodInAddress}\": {ex.Message}");
        }
        if (problems.Count > 0 || period is null)
        {
            _addressProblem = string.Join(" ", problems) + " Choose below and show the statement again.";
            return;
        }
        await LoadAsync(period);
    }

    private int FromAddress(string? code, string role, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add($"The address gives no {role}.");
            return 0;
        }
        var found = _organisations.FirstOrDefault(o => string.Equals(o.ShortCode, code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null) problems.Add($"The address gives the {role} \"{code}\", which is not the short code of any organisation.");
        return found?.Id ?? 0;
    }

    private async Task LoadAsync(RechargePeriod period)
    {
        var (saved, problems) = await FormErrors.TrySave(async () =>
            _statement = await Receivables.StatementAsync(_provider, _recipient, period.Dates.Start, period.Dates.End));
        if (!saved)
        {
            _statement = null;
            _addressProblem = string.Join(" ", problems);
            return;
        }
        _shownPeriod = $"{period.Label} ({DateText.Long(period.Dates.Start)} to {DateText.Long(period.Dates.End)})";
    }

    private string NameOf(int id) => _organisations.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    private string CodeOf(int id) => _organisations.First(o => o.Id == id).ShortCode;

    private static string KindOf(StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.Invoice => "Invoice",
        StatementEntryKind.SupplementaryInvoice => "Supplementary invoice",
        StatementEntryKind.CreditNote => "Credit note",
        _ => "Payment",
    };

    // The fields are checked here; the statement itself is loaded from the address the button goes to.
    private Task ShowAsync()
    {
        _providerError = _recipientError = _periodError = null;
        var errors = new List<FormError>();
        if (_provider == 0) errors.Add(new FormError(_providerError = "Billed by: choose the council that sent the invoices.", "statement-provider"));
        if (_recipient == 0) errors.Add(new FormError(_recipientError = "Billed to: choose the council that was billed.", "statement-recipient"));
        else if (_provider == _recipient) errors.Add(new FormError(_recipientError = "Billed to: choose a different council from the one billing.", "statement-recipient"));
        RechargePeriod? period = null;
        try
        {
            period = RechargePeriod.Parse(_periodText);
        }
        catch (DomainException ex)
        {
            errors.Add(new FormError(_periodError = ex.Message, "statement-period"));
        }
        _summary!.Show(errors);
        if (errors.Count > 0 || period is null)
        {
            _statement = null;
            return Task.CompletedTask;
        }
        Navigation.NavigateTo($"/invoices/statement?provider={Uri.EscapeDataString(CodeOf(_provider))}&recipient={Uri.EscapeDataString(CodeOf(_recipient))}&period={Uri.EscapeDataString(period.Code)}");
        return Task.CompletedTask;
    }
}
