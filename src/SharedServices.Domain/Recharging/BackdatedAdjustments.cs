using System.Globalization;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;

namespace SharedServices.Domain.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// A line already on an issued invoice: when it was issued, what it billed, how much later adjustments have already
/// corrected it by, and the activity behind it.
/// </summary>
public sealed record BilledLine(int LineId, string InvoiceNumber, DateOnly IssuedOn, RechargeLineKind Kind, DateRange Covers, int? InstalmentNumber,
    Money Billed, Money AlreadyCorrected, IReadOnlyList<BillableActivity> Activity);

/// <summary>How much one issued line is corrected by.</summary>
public sealed record LineCorrection(int LineId, string InvoiceNumber, Money Difference);

/// <summary>A supplementary line (a credit when negative) and the issued lines it corrects.</summary>
public sealed record BackdatedAdjustment(RechargeLine Line, IReadOnlyList<LineCorrection> Corrects);

/// <summary>
/// What a rate version entered after periods were invoiced changes about them. Each issued line is worked out twice,
/// under the schedule as it stands now and as it was known on the day the line was issued; the difference, less
/// any correction already made, is billed on a new line (or credited, if the rate fell) naming the periods and
/// invoices it corrects. Nothing issued changes.
/// </summary>
/// <remarks>
/// Both workings leave out the year's cap, so a line the cap reduced is not mistaken for one billed at an old rate;
/// the correction is the rate's difference, then held to the cap in force for each financial year (see
/// <see cref="WithinTheCap"/>), so a backdated rise never takes a capped year above its cap. Where the schedule as known at issue can no longer be worked out
/// (its version was since replaced outright), what the line billed is the baseline. True-ups are not reworked,
/// because they settle to the recorded outturn whatever the rate.
/// </remarks>
public sealed class BackdatedAdjustments(ChargeSchedule schedule)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="billed">The service's issued lines (true-ups too: they count towards the year's total).</param>
    /// <param name="drafted">What the same run is drafting for the service, by financial year: it shares the year's cap.</param>
    public IReadOnlyList<BackdatedAdjustment> For(IReadOnlyList<BilledLine> billed, IReadOnlyDictionary<FinancialYear, Money>? drafted = null)
    {
        ArgumentNullException.ThrowIfNull(billed);
        var corrections = new List<Correction>();
        foreach (var year in billed.GroupBy(l => FinancialYear.Containing(l.Covers.Start)))
            corrections.AddRange(WithinTheCap(year.ToList(), drafted?.GetValueOrDefault(year.Key) ?? Money.Zero));
        // A line the cap held back entirely stays in its group, so the words still say what the rate changed.
        return corrections
            .GroupBy(c => (c.Cause, c.Line.Kind))
            .Where(g => g.Any(c => c.Difference != Money.Zero))
            .OrderBy(g => g.Key.Cause.EffectiveFrom).ThenBy(g => g.Key.Kind)
            .Select(g => Adjustment(g.Key.Cause, g.Key.Kind, g.ToList()))
            .ToList();
    }

    /// <summary>One issued line's correction: the rate's difference alone, and what the year's cap lets through.</summary>
    private sealed record Correction(RateVersion Cause, BilledLine Line, Money RateDifference, Money Difference, Money? Cap)
    {
        public bool Limited => Difference != RateDifference;
    }

    /// <summary>
    /// The corrections to one financial year's issued lines, held to the cap in force. A rise is cut so the year's
    /// total billed (its issued lines, the corrections already made, what this run drafts and this one) does not pass
    /// the cap. A fall is credited in full unless the year would still reach the cap under the new rate: then only down
    /// to the cap (or to the new total, if that is lower), since the recipient never paid more than the cap. The cap in
    /// force is that of the version in force, under the schedule now, on the last day the year's lines cover.
    /// </summary>
    private IEnumerable<Correction> WithinTheCap(IReadOnlyList<BilledLine> year, Money drafted)
    {
        var reworked = year.Where(IsReworked).Select(l => (Line: l, Now: Recompute(schedule, l))).ToList();
        var differences = reworked.Select(r => (r.Line, Difference: r.Now - Baseline(r.Line) - r.Line.AlreadyCorrected))
            .Where(d => d.Difference != Money.Zero).ToList();
        if (differences.Count == 0) return [];

        var cap = schedule.VersionOn(year.Max(l => l.Covers.End))?.CapPerFinancialYear;
        var rateDifference = Sum(differences.Select(d => d.Difference));
        var allowed = rateDifference;
        if (cap is { } c)
        {
            var billedSoFar = Sum(year.Select(l => l.Billed + l.AlreadyCorrected)) + drafted;
            if (rateDifference > Money.Zero)
            {
                var room = c - billedSoFar;
                allowed = Min(rateDifference, room < Money.Zero ? Money.Zero : room);
            }
            else
            {
                // What the year comes to under the schedule now, before the cap: lines that are not reworked (true-ups) stay as billed.
                var nowUncapped = Sum(reworked.Select(r => r.Now))
                                  + Sum(year.Where(l => !IsReworked(l)).Select(l => l.Billed + l.AlreadyCorrected)) + drafted;
                var floor = Min(c, nowUncapped) - billedSoFar;
                allowed = Min(Money.Zero, Max(rateDifference, floor));
            }
        }

        // Whatever the cap holds back comes off the latest lines first, as the cap itself bites at the end of the year.
        var cut = rateDifference - allowed;
        var result = new List<Correction>();
        foreach (var (line, difference) in differences.OrderByDescending(d => d.Line.Covers.Start).ThenByDescending(d => d.Line.LineId))
        {
            var take = Money.Zero;
            if (cut > Money.Zero && difference > Money.Zero) take = Min(cut, difference);
            else if (cut < Money.Zero && difference < Money.Zero) take = Max(cut, difference);
            cut -= take;
            result.Add(new Correction(Cause(line.Covers), line, difference, difference - take, cap));
        }
        result.Reverse();
        return result;
    }

    // True-ups settle to the outturn whatever the rate, so they are not reworked; they still count towards the year's total.
    private static bool IsReworked(BilledLine line) => line.Kind is RechargeLineKind.Quantity or RechargeLineKind.Instalment or RechargeLineKind.FullCost;

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (sum, m) => sum + m);

    private static Money Min(Money a, Money b) => a < b ? a : b;

    private static Money Max(Money a, Money b) => a > b ? a : b;

    private Money Baseline(BilledLine line)
    {
        try
        {
            return Recompute(schedule.AsKnownOn(line.IssuedOn), line);
        }
        catch (DomainException)
        {
            return line.Billed;
        }
    }

    private static Money Recompute(ChargeSchedule schedule, BilledLine line)
    {
        var calculator = new ChargeCalculator(schedule);
        return line.Kind switch
        {
            RechargeLineKind.Quantity => RateGroups.ByRate(schedule, line.Activity)
                .Aggregate(Money.Zero, (sum, g) => sum + calculator.ForQuantity(g.First().From, g.Sum(a => a.Quantity!.Value), Money.Zero).BeforeCap),
            RechargeLineKind.FullCost => line.Activity
                .GroupBy(a => schedule.RequireVersionOn(a.From))
                .Aggregate(Money.Zero, (sum, g) => sum + calculator.FullCost(g.First().From, g.Aggregate(Money.Zero, (c, a) => c + a.ActualCost!.Value), Money.Zero).BeforeCap),
            _ => Instalment(schedule, calculator, line),
        };
    }

    private static Money Instalment(ChargeSchedule schedule, ChargeCalculator calculator, BilledLine line)
    {
        var year = FinancialYear.Containing(line.Covers.Start);
        var number = line.InstalmentNumber ?? throw new DomainException($"Line {line.LineId} of invoice {line.InvoiceNumber} is an instalment with no number.");
        var frequency = schedule.RequireVersionOn(line.Covers.Start).Basis.Instalments!.Value;
        var whole = BillingPeriods.For(year, frequency)[number - 1];
        return schedule.SplitAtVersions(line.Covers).Aggregate(Money.Zero, (sum, part) =>
            sum + calculator.InstalmentPart(year, number, part == whole ? null : part, Money.Zero).BeforeCap);
    }

    /// <summary>The version behind a change to the days <paramref name="covers"/>: of those in force on them, the one entered last.</summary>
    private RateVersion Cause(DateRange covers) =>
        schedule.Versions.Where(v => v.EffectiveFrom <= covers.End && schedule.VersionOn(Max(v.EffectiveFrom, covers.Start)) == v)
            .OrderBy(v => v.EnteredOn).ThenBy(v => v.EffectiveFrom).Last();

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private BackdatedAdjustment Adjustment(RateVersion cause, RechargeLineKind kind, IReadOnlyList<Correction> corrections)
    {
        // The words describe the rate's difference; a cap that held it back is named after them.
        var lines = corrections.Select(c => (c.Line, Difference: c.RateDifference)).ToList();
        var net = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Difference);
        var covers = new DateRange(lines.Min(l => l.Line.Covers.Start), lines.Max(l => l.Line.Covers.End));
        var invoices = Invoices(lines.Select(l => l.Line.InvoiceNumber));
        var why = cause.IsBackdated
            ? $"Rate backdated to {DateText.Long(cause.EffectiveFrom)} (entered {DateText.Long(cause.EnteredOn)})"
            : $"Rate from {DateText.Long(cause.EffectiveFrom)}";
        decimal? quantity = null;
        Money? rate = null;
        string what;
        if (kind == RechargeLineKind.Quantity)
        {
            // Only the days now under the cause's rate moved; the others on the same line were billed right.
            decimal Moved(BilledLine l) => l.Activity.Where(a => schedule.VersionOn(a.From) == cause).Sum(a => a.Quantity ?? 0m);
            quantity = lines.Sum(l => Moved(l.Line));
            var unit = cause.Basis.QuantityUnit ?? "unit";
            var plural = quantity == 1m || unit.EndsWith('s') ? unit : unit + "s";
            // Where every day moved by the same amount, say so: "38 days × £12.00 difference".
            var perUnit = lines.Select(l => Moved(l.Line) is var q and > 0m ? l.Difference.Pounds / q : decimal.MinValue).Distinct().ToList();
            if (perUnit is [var each] && each != decimal.MinValue && Money.FromPounds(each).Pounds == each)
            {
                rate = Money.FromPounds(each);
                what = $"{quantity.Value.ToString("#,##0.####", EnGb)} {plural} × {rate} difference";
            }
            else what = $"{quantity.Value.ToString("#,##0.####", EnGb)} {plural}, {net} difference";
        }
        else if (kind == RechargeLineKind.Instalment)
        {
            var numbers = lines.Select(l => l.Line.InstalmentNumber ?? 0).Distinct().Order().ToList();
            what = $"{(numbers.Count == 1 ? "instalment" : "instalments")} {Numbers(numbers)}, {net} difference";
        }
        else what = $"overhead on actual costs, {net} difference";

        var limit = ChargeLimit.None;
        var explanation = $"{why}: {what}, {invoices}";
        if (corrections.FirstOrDefault(c => c.Limited) is { Cap: { } cap })
        {
            net = corrections.Aggregate(Money.Zero, (sum, c) => sum + c.Difference);
            explanation += $"; limited to {net} by the cap of {cap} a year";
            limit = ChargeLimit.FinancialYearCap;
            rate = null;
        }
        var line = new RechargeLine(RechargeLineKind.BackdatedAdjustment, explanation, covers, quantity,
            cause.Basis.QuantityUnit, rate, net, limit, cause, []);
        return new BackdatedAdjustment(line, corrections.Where(c => c.Difference != Money.Zero)
            .Select(c => new LineCorrection(c.Line.LineId, c.Line.InvoiceNumber, c.Difference)).ToList());
    }

    private static string Invoices(IEnumerable<string> numbers)
    {
        var list = numbers.Distinct().Order(StringComparer.Ordinal).ToList();
        return list.Count switch
        {
            1 => $"invoice {list[0]}",
            2 => $"invoices {list[0]} and {list[1]}",
            _ => $"invoices {list[0]} to {list[^1]}",
        };
    }

    // 1, 2, 3, 4 → "1 to 4"; 1, 3 → "1 and 3"; 1, 3, 4 → "1, 3 and 4".
    private static string Numbers(IReadOnlyList<int> numbers)
    {
        if (numbers.Count == 1) return numbers[0].ToString(CultureInfo.InvariantCulture);
        if (numbers.Count > 2 && numbers[^1] - numbers[0] == numbers.Count - 1) return $"{numbers[0]} to {numbers[^1]}";
        return string.Join(", ", numbers.Take(numbers.Count - 1)) + $" and {numbers[^1]}";
    }
}
