using System.Globalization;

namespace SharedServices.Domain.Money;

/// <summary>
/// An amount in pounds sterling, held as whole pence so that totals add up to the penny and
/// every database can sum and sort it. Calculations that produce fractions of a penny go through
/// <see cref="FromPounds"/>, which rounds half away from zero, as a finance officer would on paper.
/// </summary>
public readonly record struct Money(long Pence) : IComparable<Money>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static Money Zero => new(0);

    /// <summary>
    /// Rounds a pound amount to the nearest penny, halves away from zero (£0.005 → £0.01). An amount too large to
    /// hold in pence is refused with a message rather than an overflow, so a typed 99999999999999999 reads as a
    /// mistake wherever it is entered.
    /// </summary>
    public static Money FromPounds(decimal pounds)
    {
        // long.MaxValue pence is £92,233,720,368,547,758.07; checked before multiplying, which could overflow too.
        if (Math.Abs(pounds) >= 92_233_720_368_547_758m)
            throw new DomainException($"{pounds.ToString("N2", EnGb)} pounds is too large an amount of money.");
        return new((long)Math.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero));
    }

    public decimal Pounds => Pence / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Pence + b.Pence));
    public static Money operator -(Money a, Money b) => new(checked(a.Pence - b.Pence));
    public static Money operator -(Money a) => new(checked(-a.Pence));
    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;
    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;
    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;
    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    /// <summary>Multiplies by a rate or quantity and rounds the result to the penny.</summary>
    public Money Times(decimal factor) => FromPounds(Pounds * factor);

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    /// <summary>en-GB display: £1,234.56, and -£12.00 for a credit.</summary>
    public override string ToString() => Pounds.ToString("C2", EnGb);
}
