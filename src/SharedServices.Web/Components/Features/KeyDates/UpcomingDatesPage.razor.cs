using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.KeyDates;
using SharedServices.Domain.KeyDates;

namespace SharedServices.Web.Components.Features.KeyDates;

public partial class UpcomingDatesPage
{
    private UpcomingDatesResult? _result;
    private DateOnly _asOf;
    private int _within = 90;
    private int _page;
    private string? _problem;

    /// <summary>The dates on show, read once per page view: the prerender's answer is handed to the live page.</summary>
    [PersistentState] public UpcomingDatesResult? Shown { get; set; }

    [Inject] private UpcomingDates Upcoming { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The as-of date from the address (yyyy-mm-dd), so a view can be bookmarked or shared.</summary>
    [SupplyParameterFromQuery(Name = "asOf")] public string? AsOfText { get; set; }

    /// <summary>How many days ahead to look, from the address.</summary>
    [SupplyParameterFromQuery(Name = "within")] public string? WithinText { get; set; }

    /// <summary>Which page of the dates to show (1 first), from the address, so that the prerender of any page is small.</summary>
    [SupplyParameterFromQuery(Name = "page")] public string? PageText { get; set; }

    /// <summary>How many dates a page lists; tests set fewer than the seed data's dates.</summary>
    [Parameter] public int PageSize { get; set; } = UpcomingDates.PageSize;

    private const string NoEndDateAddress = Partnerships.RegisterPage.NoEndDateAddress;

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _asOf = Clock.Today();
        _within = 90;
        _page = 0;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            if (KeyDateDownloads.TryDate(AsOfText, out var asOf)) _asOf = asOf;
            else _problem = $"The address gives an as-of date of '{AsOfText}', which is not a date from 1900 to 2999 written like 2026-11-23; showing dates from today.";
        }
        if (!string.IsNullOrWhiteSpace(WithinText))
        {
            if (int.TryParse(WithinText, NumberStyles.None, CultureInfo.InvariantCulture, out var within) && within is >= 1 and <= UpcomingDates.MaxDays) _within = within;
            else _problem = (_problem is null ? "" : _problem + " ") + $"The address asks for '{WithinText}' days ahead; it must be a number from 1 to {UpcomingDates.MaxDays:N0}, so showing 90.";
        }
        if (!string.IsNullOrWhiteSpace(PageText))
        {
            if (int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1) _page = page - 1;
            else _problem = (_problem is null ? "" : _problem + " ") + $"The address asks for page '{PageText}'; pages are numbered from 1, so showing the first.";
        }
        // The prerender's dates come across to the live page; it queries again only when the address asks for another window or page.
        if (Shown is not { } shown || shown.AsOf != _asOf || shown.WithinDays != _within || !Answers(shown, _page))
            Shown = await Upcoming.LoadPageAsync(_asOf, _within, _page, PageSize);
        _result = Shown;
        if (_page > ShownPage)
            _problem = (_problem is null ? "" : _problem + " ") + (PageCount <= 1
                ? $"The address asks for page {_page + 1:N0}, but these dates fit on one page."
                : $"The address asks for page {_page + 1:N0}, but there are only {PageCount:N0} pages; showing the last.");
    }

    /// <summary>Whether <paramref name="shown"/> is the answer for <paramref name="page"/>: that page, or the last page when asked for one past it.</summary>
    private bool Answers(UpcomingDatesResult shown, int page) =>
        shown.Skipped == page * PageSize || (shown.Skipped < page * PageSize && shown.Skipped + PageSize >= shown.Total);

    /// <summary>The page on show, 0 first.</summary>
    private int ShownPage => _result is null ? 0 : _result.Skipped / PageSize;

    private int PageCount => _result is null ? 0 : (_result.Total + PageSize - 1) / PageSize;

    // The same address with another page: the as-of day and window stay as they were asked for (or left out, meaning today).
    private string PageLink(int page) => Navigation.GetUriWithQueryParameter("page", page == 0 ? null : page + 1);

    private Task AsOfChangedAsync(DateOnly? asOf) => GoAsync(asOf is { Year: >= 1900 and <= 2999 } d ? d : Clock.Today(), _within);

    private Task WithinChangedAsync(int within) => GoAsync(_asOf, within == 0 ? _within : within);

    // The choices live in the address, so the back button and bookmarks work.
    private Task GoAsync(DateOnly asOf, int within)
    {
        Navigation.NavigateTo($"/key-dates?asOf={asOf:yyyy-MM-dd}&within={within}");
        return Task.CompletedTask;
    }

    // The same as-of day (so the same knowledge), with the window stretched to reach the next date, when it can.
    private string? NextWindowLink(DateOnly next) => (next.DayNumber - _result!.AsOf.DayNumber + 1) is var days and <= UpcomingDates.MaxDays
        ? $"/key-dates?asOf={_result.AsOf:yyyy-MM-dd}&within={days}"
        : null;

    private string DaysAway(DateOnly date) => (date.DayNumber - _result!.AsOf.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        < 0 and var d => $"{-d} days ago",
        var d => $"in {d} days",
    };

    private static Color ColourFor(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => Color.Error,
        Urgency.Soon => Color.Warning,
        Urgency.Past => Color.Dark,
        _ => Color.Info,
    };
}
