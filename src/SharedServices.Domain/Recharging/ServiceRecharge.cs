using System.Globalization;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
namespace SharedServices.Domain.Recharging;

using SharedServices.Domain.Money;

/// <summary>
/// The lines one traded service is charged for a recharge period, by its schedule of charges:
/// <list type="bullet">
/// <item>days, hours or units delivered, one line per rate in force (a rate change inside the period splits it);</item>
/// <item>each instalment of a fixed annual sum or cost-share estimate that falls due in the period (its first day
/// when billed in advance, its last when in arrears), prorated by days where the service starts or ends inside
/// the instalment, and split where the rate changed inside it;</item>
/// <item>the cost share's true-up to the year's actual cost, in the period that closes the financial year;</item>
/// <item>actual costs plus the overhead, for full cost recovery.</item>
/// </list>
/// The cap per financial year runs on through the lines in date order, starting from what was charged before.
/// </summary>
public sealed class ServiceRecharge(ChargeSchedule schedule, DateOnly? serviceStart, DateOnly? serviceEnd)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly ChargeCalculator _calculator = new(schedule);

    /// <param name="period">The period being billed.</param>
    /// <param name="unbilled">The service's activity not yet billed in the period's financial year.</param>
    /// <param name="soFar">What was charged for the service earlier in the financial year.</param>
    public IReadOnlyList<RechargeLine> Lines(RechargePeriod period, IReadOnlyList<BillableActivity> unbilled, YearToDate soFar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(unbilled);
        ArgumentNullException.ThrowIfNull(soFar);
        // Activity dated outside the service's own dates is never billed (see OutsideTheService).
        unbilled = unbilled.Where(a => WithinTheService(a.From)).ToList();
        var lines = new List<RechargeLine>();
        var charged = soFar.Charged;
        void Add(RechargeLine line)
        {
            lines.Add(line);
            charged += line.Net;
        }

        var inPeriod = unbilled.Where(a => period.Dates.Contains(a.From)).OrderBy(a => a.From).ThenBy(a => a.Id).ToList();
        foreach (var line in QuantityLines(inPeriod.Where(a => a.Quantity is not null), () => charged)) Add(line);
        foreach (var line in InstalmentLines(period, soFar.BilledInstalments, () => charged)) Add(line);
        foreach (var line in FullCostLines(inPeriod.Where(a => a.ActualCost is not null), () => charged)) Add(line);
        if (TrueUpLine(period, unbilled, soFar.OutturnAlreadyTrued, soFar.BilledOnEstimate + InstalmentsIn(lines), charged) is { } trueUp) Add(trueUp);
        return lines;
    }

    /// <summary>The activity among <paramref name="activity"/> dated before the service started or after it ended, which is not billed.</summary>
    public IReadOnlyList<BillableActivity> OutsideTheService(IEnumerable<BillableActivity> activity) =>
        activity.Where(a => !WithinTheService(a.From)).ToList();

    private bool WithinTheService(DateOnly day) => (serviceStart is not { } start || day >= start) && (serviceEnd is not { } end || day <= end);

    private IEnumerable<RechargeLine> QuantityLines(IEnumerable<BillableActivity> activity, Func<Money> charged)
    {
        // Days at one rate make one line: the same version with the same indexation.
        foreach (var group in RateGroups.ByRate(schedule, activity))
        {
            var version = group.Key.Version;
            if (!version.Basis.IsPerQuantity) continue;
            var first = group.First().From;
            var quantity = group.Sum(a => a.Quantity!.Value);
            var charge = _calculator.ForQuantity(first, quantity, charged());
            var unit = version.Basis.QuantityUnit!;
            var rate = version.RateOn(first)!.Value;
            yield return new RechargeLine(RechargeLineKind.Quantity,
                $"{Number(quantity)} {Plural(unit, quantity)} × {rate} ({RechargeLine.RateFrom(version, first)}){RechargeLine.LimitText(charge)}",
                new DateRange(first, group.Max(a => a.To)), quantity, unit, rate, charge.Amount, charge.Limit, version,
                group.Select(a => a.Id).ToList());
        }
    }

    private IEnumerable<RechargeLine> InstalmentLines(RechargePeriod period, IReadOnlySet<int> billed, Func<Money> charged)
    {
        var year = period.FinancialYear;
        var basis = schedule.Versions.LastOrDefault(v => v.EffectiveFrom <= year.Dates.End)?.Basis;
        if (basis is not { IsInstalments: true }) yield break;
        var instalments = BillingPeriods.For(year, basis.Instalments!.Value);
        for (var i = 0; i < instalments.Count; i++)
        {
            var whole = instalments[i];
            if (billed.Contains(i + 1) || Covered(whole) is not { } covered) continue;
            // The instalment falls due by the timing of the version in force when its service began in it.
            if (schedule.VersionOn(covered.Start) is not { } dueBy || !period.Dates.Contains(dueBy.InvoiceDateFor(whole))) continue;
            foreach (var part in schedule.SplitAtVersions(covered))
            {
                var charge = _calculator.InstalmentPart(year, i + 1, part == whole ? null : part, charged());
                var version = charge.Version;
                var annual = version.Basis.Kind == ChargingBasisKind.CostShare
                    ? $"{version.Basis.SharePercent:0.####}% of a {version.Basis.BudgetedEstimate} budgeted estimate"
                    : $"{version.RateOn(part.Start)} a year";
                var share = part == whole ? "" : $", {part.Days} of {whole.Days} days ({part})";
                yield return new RechargeLine(RechargeLineKind.Instalment,
                    $"Instalment {i + 1} of {instalments.Count}: {annual} ({RechargeLine.RateFrom(version, part.Start)}), {WholeLabel(whole)}{share}{RechargeLine.LimitText(charge)}",
                    part, null, null, null, charge.Amount, charge.Limit, version, [])
                { InstalmentNumber = i + 1 };
            }
        }
    }

    private IEnumerable<RechargeLine> FullCostLines(IEnumerable<BillableActivity> costs, Func<Money> charged)
    {
        foreach (var group in costs.GroupBy(a => schedule.RequireVersionOn(a.From)))
        {
            var version = group.Key;
            if (version.Basis.Kind != ChargingBasisKind.FullCostRecovery) continue;
            var first = group.First().From;
            var actual = group.Aggregate(Money.Zero, (sum, a) => sum + a.ActualCost!.Value);
            var charge = _calculator.FullCost(first, actual, charged());
            yield return new RechargeLine(RechargeLineKind.FullCost,
                $"{actual} actual cost plus {version.Basis.OverheadPercent:0.####}% overhead ({DateText.Long(first)} to {DateText.Long(group.Max(a => a.To))}){RechargeLine.LimitText(charge)}",
                new DateRange(first, group.Max(a => a.To)), null, null, null, charge.Amount, charge.Limit, version, group.Select(a => a.Id).ToList());
        }
    }

    private RechargeLine? TrueUpLine(RechargePeriod period, IReadOnlyList<BillableActivity> unbilled, Money alreadyTrued, Money billedOnEstimate, Money charged)
    {
        var year = period.FinancialYear;
        if (!period.Dates.Contains(year.Dates.End)) return null;
        var last = schedule.Versions.LastOrDefault(v => v.EffectiveFrom <= year.Dates.End);
        if (last?.Basis.Kind != ChargingBasisKind.CostShare) return null;
        var costs = unbilled.Where(a => a.ActualCost is not null && year.Dates.Contains(a.From)).ToList();
        // No (further) outturn recorded: the true-up waits for it rather than crediting the whole estimate. Cost
        // recorded after an earlier true-up is settled by a further one, against everything billed before.
        if (costs.Count == 0) return null;
        var outturn = costs.Aggregate(alreadyTrued, (sum, a) => sum + a.ActualCost!.Value);
        var charge = _calculator.CostShareTrueUp(year, outturn, billedOnEstimate, charged);
        var share = Money.FromPounds(outturn.Pounds * last.Basis.SharePercent!.Value / 100m);
        return new RechargeLine(RechargeLineKind.TrueUp,
            $"Year-end true-up for {year}: {last.Basis.SharePercent:0.####}% of {outturn} actual cost is {share}, less {billedOnEstimate} billed {(alreadyTrued == Money.Zero ? "on the estimate" : "on the estimate and earlier true-ups")}{RechargeLine.LimitText(charge)}",
            year.Dates, null, null, null, charge.Amount, charge.Limit, last, costs.Select(a => a.Id).ToList());
    }

    private static Money InstalmentsIn(IEnumerable<RechargeLine> lines) =>
        lines.Where(l => l.Kind == RechargeLineKind.Instalment).Aggregate(Money.Zero, (sum, l) => sum + l.Net);

    /// <summary>The days of <paramref name="range"/> the service ran, or null when it did not run at all.</summary>
    private DateRange? Covered(DateRange range)
    {
        var start = serviceStart is { } s && s > range.Start ? s : range.Start;
        var end = serviceEnd is { } e && e < range.End ? e : range.End;
        return start <= end ? new DateRange(start, end) : null;
    }

    private static string WholeLabel(DateRange whole) =>
        whole.Start.Month == whole.End.Month && whole.Start.Year == whole.End.Year
            ? whole.Start.ToString("MMMM yyyy", EnGb)
            : $"{whole.Start.ToString("MMMM yyyy", EnGb)} to {whole.End.ToString("MMMM yyyy", EnGb)}";

    private static string Number(decimal quantity) => quantity.ToString("#,##0.####", EnGb);

    private static string Plural(string unit, decimal quantity) => quantity == 1m || unit.EndsWith('s') ? unit : unit + "s";
}
