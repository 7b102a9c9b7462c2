using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.Charging;
using SharedServices.Core.Editing;
using SharedServices.Core.Partnerships;
using SharedServices.Domain;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Vat;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Charges;

/// <summary>One traded service's schedule of charges: its rate versions, VAT treatment and posting details.</summary>
public partial class SchedulePage
{
    private Partnership? _partnership;
    private TradedService? _service;
    private ChargeSchedule? _schedule;
    private RateVersion? _current;
    private IReadOnlyList<VatTreatmentChange> _vatHistory = [];
    private RateVersion? _correcting;
    private DateOnly _today;
    private bool _loading = true;
    private bool _busy;

    [Inject] private PartnershipDetails Details { get; set; } = default!;
    [Inject] private ChargeSchedules Schedules { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The request while the page is prerendered on the server; null once the page is live.</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    /// <summary>The traded service's id, from the address.</summary>
    [Parameter] public int ServiceId { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _today = Clock.Today();
        _partnership = await Details.FindAsync(Code);
        _service = _partnership?.Services.SingleOrDefault(s => s.Id == ServiceId);
        if (_service is null)
        {
            HttpContext.AnswerNotFound();
        }
        else
        {
            _schedule = await Schedules.FindAsync(_service.Id);
            _current = _schedule?.VersionOn(_today);
            _vatHistory = await Schedules.VatHistoryAsync(_service.Id);
        }
        _loading = false;
    }

    private void Correct(RateVersion version) => _correcting = version;

    private void CancelCorrection() => _correcting = null;

    private async Task AfterSaveAsync()
    {
        _correcting = null;
        await LoadAsync();
    }

    private async Task RemoveAsync(RateVersion version)
    {
        var question = $"Remove the {ChargeText.Basis(version.Basis, version.Basis.Rate)} version starting on {DateText.Long(version.EffectiveFrom)}? " +
            "The version before it will then apply until the next one starts.";
        if (!await Dialogs.ConfirmAsync("Remove rate version", question)) return;
        _busy = true;
        try
        {
            if (await EditConflict.TryRemove(() => Schedules.RemoveVersionAsync(_service!.Id, version.EffectiveFrom, _partnership!.Version), Snackbar))
            {
                if (_correcting?.EffectiveFrom == version.EffectiveFrom) _correcting = null;
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
