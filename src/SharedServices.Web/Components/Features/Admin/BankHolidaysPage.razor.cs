using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SharedServices.Core;
using SharedServices.Core.Calendar;
using SharedServices.Core.Editing;
using SharedServices.Domain;
using SharedServices.Domain.Dates;
using SharedServices.Web.Components.Shared;

namespace SharedServices.Web.Components.Features.Admin;

public partial class BankHolidaysPage
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private int _year;
    private IReadOnlyList<BankHoliday>? _holidays;
    private int? _yearVersion;
    private string? _conflict;
    private string? _addressProblem;
    private (bool Applied, string? Year) _appliedAddress;
    private DateOnly? _date;
    private string? _name;
    private FormErrors? _summary;
    private DateField? _dateField;
    private string? _done;
    private bool _busy;

    /// <summary>The year to show, from the address (?year=2022); the current year when absent.</summary>
    [SupplyParameterFromQuery(Name = "year")] public string? YearInAddress { get; set; }

    private DateOnly Today => Clock.Today();

    /// <summary>
    /// The years offered are the years kept as reference data. Outside them the working-day calendar has no years
    /// on either side, so a holiday saved there would leave gaps it cannot count across.
    /// </summary>
    private static int FirstYear => BankHolidayReference.FirstYear;

    private int LastYear => BankHolidayReference.LastYear(Today);

    /// <summary>Runs on first load and whenever the address changes (a bookmark, or the menu link clearing ?year=).</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (_appliedAddress == (true, YearInAddress)) return;
        _appliedAddress = (true, YearInAddress);
        _addressProblem = null;
        await ShowYearAsync(YearFromAddress(YearInAddress));
    }

    // Addresses are typed by hand or bookmarked: a year that is not one, or not kept, is reported, not a crash.
    private int YearFromAddress(string? text)
    {
        var thisYear = Today.Year;
        if (string.IsNullOrWhiteSpace(text)) return thisYear;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            _addressProblem = $"The address asks for the year \"{text}\", which is not a year. Showing {thisYear}.";
            return thisYear;
        }
        if (year < FirstYear || year > LastYear)
        {
            _addressProblem = $"The address asks for the year {year}, but bank holidays are kept for {FirstYear} to {LastYear} only. Showing {thisYear}.";
            return thisYear;
        }
        return year;
    }

    private async Task ShowYearAsync(int year)
    {
        _year = year;
        _conflict = null;
        // The version first: a change landing between the two reads makes the next save refuse, never overwrite.
        _yearVersion = await Reference.YearVersionAsync(year);
        _holidays = await Reference.ForYearAsync(year);
    }

    /// <summary>Shows another year and puts it in the address, so the page can be bookmarked or shared.</summary>
    private async Task ChangeYearAsync(int year)
    {
        if (year < FirstYear || year > LastYear || year == _year) return;
        _addressProblem = null;
        await ShowYearAsync(year);
        var inAddress = year.ToString(CultureInfo.InvariantCulture);
        // Recorded first, so the parameters the navigation sets do not load the year a second time.
        _appliedAddress = (true, inAddress);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("year", inAddress), replace: true);
    }

    private void Rename(BankHoliday holiday)
    {
        _date = holiday.Date;
        _name = holiday.Name;
        _summary?.Show([]);
        _done = null;
    }

    private const string DateId = "bank-holiday-date", NameId = "bank-holiday-name";

    private async Task SaveAsync()
    {
        _done = null;
        // Text in the date box that is not a date leaves _date as it was: say so rather than save that old date.
        if (_dateField?.Problem is { } unreadable)
        {
            _summary!.Show([new FormError(unreadable, DateId)]);
            return;
        }
        if (_date is not { } date)
        {
            _summary!.Show([new FormError("Date: enter the date of the bank holiday.", DateId)]);
            return;
        }
        if (date.Year < FirstYear || date.Year > LastYear)
        {
            _summary!.Show([new FormError($"Date: {DateText.Long(date)} is outside {FirstYear} to {LastYear}, the years whose bank holidays are kept.", DateId)]);
            return;
        }
        var yearList = date.Year == _year ? _holidays : await Reference.ForYearAsync(date.Year);
        var renaming = yearList?.Any(h => h.Date == date) == true;
        _busy = true;
        try
        {
            // Only the year on screen has been seen; a date in another year has no list it could be stale against.
            await Reference.SaveAsync(date, _name ?? "", date.Year == _year ? _yearVersion : null);
        }
        catch (EditConflictException ex)
        {
            _conflict = ex.Message;
            return;
        }
        catch (DomainException ex)
        {
            var field = FieldOf(_name);
            _summary!.Show([new FormError($"{field}: {ex.Message}", field == "Name" ? NameId : DateId)]);
            return;
        }
        finally
        {
            _busy = false;
        }
        _done = $"{(renaming ? "Renamed" : "Added")} {Weekday(date)} {DateText.Long(date)}: {_name!.Trim()}.";
        _summary!.Confirm(_done);
        _date = null;
        _name = null;
        if (date.Year != _year) await ChangeYearAsync(date.Year);
        else await ShowYearAsync(_year);
    }

    /// <summary>
    /// Which field a refusal from <see cref="BankHolidayReference.SaveAsync"/> is about, so the message can name it:
    /// it checks the name first (present, at most 100 characters), and its only rule about the date is "a weekday".
    /// </summary>
    private static string FieldOf(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > BankHolidayReference.MaxNameLength ? "Name" : "Date";

    private async Task RemoveAsync(BankHoliday holiday)
    {
        var question = $"Remove {holiday.Name} on {Weekday(holiday.Date)} {DateText.Long(holiday.Date)}? " +
            "Working-day sums will then count it as a working day, and it will not be generated again.";
        if (!await Dialogs.ConfirmAsync("Remove bank holiday", question)) return;
        _busy = true;
        try
        {
            await Reference.RemoveAsync(holiday.Date, _yearVersion);
        }
        catch (EditConflictException ex)
        {
            _conflict = ex.Message;
            _done = null;
            return;
        }
        catch (DomainException ex)
        {
            _summary?.Show([new FormError(ex.Message)]);
            _done = null;
            return;
        }
        finally
        {
            _busy = false;
        }
        _summary?.Show([]);
        _done = $"Removed {holiday.Name} ({DateText.Long(holiday.Date)}).";
        await ShowYearAsync(_year);
    }

    private static string Weekday(DateOnly date) => date.ToString("dddd", EnGb);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
