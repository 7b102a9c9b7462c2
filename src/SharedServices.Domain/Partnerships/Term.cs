using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Partnerships;

/// <summary>
/// How long a partnership runs: start, how the end is expressed, any minimum term, and any rule on when
/// termination may fall. Facts a source does not give stay null and read "not stated in source"; they are
/// never guessed.
/// </summary>
public sealed class Term
{
    public const string NotStated = "not stated in source";

    public Term(
        DateOnly? startDate,
        TermEndKind endKind,
        DateOnly? endDate = null,
        int? upToYears = null,
        int? minimumTermMonths = null,
        TerminationFalls terminationFalls = TerminationFalls.NotStated,
        string? notes = null,
        SourceReference? source = null,
        int? extensionOptions = null,
        int? extensionMonths = null,
        int? renewalMonths = null)
    {
        switch (endKind)
        {
            case TermEndKind.FixedDate when endDate is null:
                throw new DomainException("A term with a fixed end needs its end date.");
            case TermEndKind.UpToYears when upToYears is null or < 1 or > 99:
                throw new DomainException("A term of \"up to N years\" needs N between 1 and 99.");
        }
        foreach (var date in new[] { startDate, endDate })
            if (date is { Year: < 1900 or > 2999 } d)
                throw new DomainException($"{DateText.Long(d)} is not a plausible date for a term.");
        if (endKind != TermEndKind.FixedDate) endDate = null;
        if (endKind != TermEndKind.UpToYears) upToYears = null;
        if (startDate is { } s && endDate is { } e && e < s)
            throw new DomainException($"The term ends ({DateText.Long(e)}) before it starts ({DateText.Long(s)}).");
        if (minimumTermMonths is < 1 or > 1200)
            throw new DomainException("A minimum term is between 1 and 1,200 months.");
        if (extensionOptions is < 1 or > 20)
            throw new DomainException("The number of extension options is between 1 and 20.");
        if (extensionMonths is < 1 or > 240)
            throw new DomainException("An extension lasts between 1 and 240 months.");
        if ((extensionOptions is null) != (extensionMonths is null))
            throw new DomainException("Give both how many extensions the term allows and how long each one lasts.");
        if (renewalMonths is < 1 or > 240)
            throw new DomainException("A renewal period lasts between 1 and 240 months.");
        if (renewalMonths is not null && endKind is not (TermEndKind.FixedDate or TermEndKind.UpToYears))
            throw new DomainException("A term that renews needs an end for its first period: a fixed date or \"up to N years\".");

        StartDate = startDate;
        EndKind = endKind;
        EndDate = endDate;
        UpToYears = upToYears;
        MinimumTermMonths = minimumTermMonths;
        LatestEndDate = endKind switch
        {
            TermEndKind.FixedDate => endDate,
            TermEndKind.UpToYears when startDate is { } start => DateRange.ForMonths(start, upToYears!.Value * 12).End,
            _ => null,
        };
        TerminationFalls = terminationFalls;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Source = source;
        ExtensionOptions = extensionOptions;
        ExtensionMonths = extensionMonths;
        RenewalMonths = renewalMonths;
    }

    // For EF Core, which rebuilds a stored term property by property.
    private Term() { }

    public static Term Unknown => new(null, TermEndKind.NotStated);

    public DateOnly? StartDate { get; private set; }
    public TermEndKind EndKind { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public int? UpToYears { get; private set; }
    public int? MinimumTermMonths { get; private set; }
    public TerminationFalls TerminationFalls { get; private set; }
    public string? Notes { get; private set; }
    public SourceReference? Source { get; private set; }

    /// <summary>How many times the term may be extended (e.g. "two further periods of one year"). Null when none are stated.</summary>
    public int? ExtensionOptions { get; private set; }

    /// <summary>How long each extension lasts, in months.</summary>
    public int? ExtensionMonths { get; private set; }

    /// <summary>
    /// Where the agreement renews itself ("and year to year thereafter unless notice is given"), the length of each
    /// renewal in months. A renewing agreement ends only at the end of a period, so notice must be served in time
    /// for one; otherwise it rolls over.
    /// </summary>
    public int? RenewalMonths { get; private set; }

    /// <summary>
    /// The last day the term runs without renewal or extension: the fixed end, or for "up to N years" the day before
    /// the Nth anniversary of the start (from 1 July 2013 for up to five years: 30 June 2018). Null when unknown or
    /// open-ended. Worked out once, here, and stored, so the register can sort and filter by it in the database.
    /// </summary>
    public DateOnly? LatestEndDate { get; private set; }

    /// <summary>The first day the agreement may end once the minimum term has run: twelve months from 1 February 2024 is 31 January 2025.</summary>
    public DateOnly? MinimumTermEndDate =>
        StartDate is { } start && MinimumTermMonths is { } months ? DateRange.ForMonths(start, months).End : null;

    /// <summary>The end as a board paper would state it.</summary>
    public string DescribeEnd() => EndKind switch
    {
        TermEndKind.FixedDate => DateText.Long(EndDate!.Value),
        TermEndKind.UpToYears when LatestEndDate is { } latest =>
            $"up to {YearsText(UpToYears!.Value)} (initial term to {DateText.Long(latest)})",
        TermEndKind.UpToYears => $"up to {YearsText(UpToYears!.Value)}",
        TermEndKind.OpenEnded => "open-ended",
        _ => NotStated,
    };

    public string DescribeMinimumTerm() => MinimumTermMonths is { } m
        ? MonthsText(m) + (MinimumTermEndDate is { } end ? $" (to {DateText.Long(end)})" : "")
        : NotStated;

    public string DescribeTerminationFalls() => TerminationFalls switch
    {
        TerminationFalls.AnyDay => "at any time",
        TerminationFalls.MonthEnd => "at the end of a month",
        TerminationFalls.QuarterEnd => "at the end of a quarter",
        TerminationFalls.FinancialYearEnd => "at the end of a financial year (31 March)",
        TerminationFalls.AcademicYearEnd => "at the end of an academic year (31 August)",
        _ => NotStated,
    };

    public string DescribeExtensions() => (ExtensionOptions, ExtensionMonths) switch
    {
        ({ } count, { } months) => $"{(count == 1 ? "1 extension" : $"{count} extensions")} of {MonthsText(months)}",
        _ => "none stated",
    };

    public string DescribeRenewal() => RenewalMonths is { } months
        ? $"renews for {MonthsText(months)} at a time unless notice is given"
        : "does not renew";

    /// <summary>"12 months" reads as "1 year" in agreements; keep other lengths in months.</summary>
    internal static string MonthsText(int months) => months % 12 == 0 ? YearsText(months / 12) : months == 1 ? "1 month" : $"{months} months";

    private static string YearsText(int years) => years == 1 ? "1 year" : $"{years} years";
}
