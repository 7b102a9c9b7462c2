using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.Activity;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Dates;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Activity;

/// <summary>
/// The activity grid of one partnership: one service's activity over a month or a financial year, with its totals;
/// records added, corrected and deleted through a dialog. Billed records are shown locked.
/// </summary>
public partial class ActivityPage
{
    private ActivityServices? _services;
    private ActivityPeriod? _period;
    private bool _loading = true;
    private int _serviceId;
    private bool _byYear;
    private DateOnly _start;

    [Inject] private IDbContextFactory<SharedServicesDbContext> Factory { get; set; } = default!;
    [Inject] private ActivityRecords Records { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The partnership's code, from the address.</summary>
    [Parameter] public string Code { get; set; } = "";

    /// <summary>The service to show first (its id); the partnership's first service when absent.</summary>
    [SupplyParameterFromQuery(Name = "service")] public int? ServiceQuery { get; set; }

    /// <summary>A month to show first, written 2026-11; this month when absent.</summary>
    [SupplyParameterFromQuery(Name = "month")] public string? MonthQuery { get; set; }

    /// <summary>A financial year to show first, by the calendar year it starts in (2026 for 2026/27).</summary>
    [SupplyParameterFromQuery(Name = "year")] public int? YearQuery { get; set; }

    private DateOnly End => _byYear ? _start.AddYears(1).AddDays(-1) : _start.AddMonths(1).AddDays(-1);

    private string PeriodTitle => _byYear
        ? $"{FinancialYear.Containing(_start)}: {DateText.Long(_start)} to {DateText.Long(End)}"
        : _start.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _services = await ActivityDownloads.LoadAsync(Factory, Code, CancellationToken.None);
        if (_services is null)
        {
            HttpContext.AnswerNotFound();
            _loading = false;
            return;
        }
        _serviceId = _services.FindService(ServiceQuery ?? 0)?.Id ?? _services.Services.FirstOrDefault()?.Id ?? 0;
        var today = Clock.Today();
        if (YearQuery is >= 1900 and <= 2999)
        {
            _byYear = true;
            _start = FinancialYear.Containing(new DateOnly(YearQuery.Value, 4, 1)).Dates.Start;
        }
        else
        {
            _byYear = false;
            _start = DateOnly.TryParseExact(MonthQuery, "yyyy-MM", out var month) ? month : new DateOnly(today.Year, today.Month, 1);
        }
        _loading = false;
        await LoadPeriodAsync();
    }

    private async Task LoadPeriodAsync()
    {
        if (_serviceId == 0) return;
        _period = null;
        _period = await Records.ForPeriodAsync(_serviceId, _start, End);
    }

    private async Task ServiceChangedAsync(int serviceId)
    {
        _serviceId = serviceId;
        await LoadPeriodAsync();
    }

    private async Task PeriodKindChangedAsync(bool byYear)
    {
        _byYear = byYear;
        // The year holding the month shown; or, leaving a year, a month inside it.
        _start = byYear ? FinancialYear.Containing(_start).Dates.Start : StartOfMonthWithin(_start);
        await LoadPeriodAsync();
    }

    // Leaving a year for a month shows this month when it falls in that year, otherwise the year's first month.
    private DateOnly StartOfMonthWithin(DateOnly yearStart)
    {
        var today = Clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return thisMonth >= yearStart && thisMonth <= yearStart.AddYears(1).AddDays(-1) ? thisMonth : yearStart;
    }

    private async Task MoveAsync(int step)
    {
        _start = _byYear ? _start.AddYears(step) : _start.AddMonths(step);
        await LoadPeriodAsync();
    }

    private async Task EditAsync(ActivityRow? row)
    {
        var service = _services!.FindService(_serviceId)!;
        var parameters = new DialogParameters<ActivityEntryDialog>
        {
            { d => d.Service, service },
            { d => d.Row, row },
            { d => d.Form, row is null ? new ActivityForm() : ActivityForm.Of(row.Details) },
        };
        var dialog = await Dialogs.ShowAsync<ActivityEntryDialog>(row is null ? $"Record activity: {service.Name}" : $"Correct activity: {service.Name}",
            parameters, DialogDefaults.Form);
        if (await dialog.Result is { Canceled: false }) await LoadPeriodAsync();
    }

    private async Task DeleteAsync(ActivityRow row)
    {
        if (!await Dialogs.ConfirmAsync("Delete activity", $"Delete the activity of {ActivityText.When(row.Details)} ({ActivityText.Amount(row.Details)})?", "Delete"))
            return;
        if (await EditConflict.TryRemove(() => Records.DeleteAsync(row.Id, row.Version), Snackbar))
            await LoadPeriodAsync();
    }

    private string ServiceName(int id) => _services?.FindService(id)?.Name ?? "";

    private static string PeriodKindName(bool byYear) => byYear ? "A financial year" : "A month";
}
