using Microsoft.AspNetCore.Identity;
using SharedServices.Core.Access;
using SharedServices.Domain.Activity;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;
using SharedServices.Domain.Vat;

namespace SharedServices.Core.Audit;

/// <summary>The kinds of record in the audit trail, named as a finance officer names them (the trail's "kind of record" filter).</summary>
public static class AuditRecordNames
{
    public const string Partnership = "Partnership";
    public const string Service = "Service";
    public const string Decision = "Decision";
    public const string HistoryEvent = "History event";
    public const string Milestone = "Milestone";
    public const string Organisation = "Organisation";
    public const string ChargeSchedule = "Charge schedule";
    public const string VatTreatment = "VAT treatment";
    public const string VatRate = "VAT rate";
    public const string BankHoliday = "Bank holiday";
    public const string Activity = "Activity";
    public const string ActivityImport = "Activity import";
    public const string RechargeRun = "Recharge run";
    public const string Invoice = "Invoice";
    public const string CreditNote = "Credit note";
    public const string Payment = "Payment";
    public const string User = "User";
    public const string Role = "Role";
    public const string UserRole = "User's role";
    public const string SignIn = "Sign-in";
    public const string SeedData = "Seed data";

    /// <summary>Every kind, for the filter's list.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Partnership, Service, Decision, HistoryEvent, Milestone, Organisation, ChargeSchedule, VatTreatment, VatRate, BankHoliday,
        Activity, ActivityImport, RechargeRun, Invoice, CreditNote, Payment, User, Role, UserRole, SignIn, SeedData,
    ];

    private static readonly Dictionary<Type, string> ByType = new()
    {
        [typeof(Partnership)] = Partnership,
        [typeof(TradedService)] = Service,
        [typeof(DecisionRecord)] = Decision,
        [typeof(PartnershipEvent)] = HistoryEvent,
        [typeof(Milestone)] = Milestone,
        [typeof(Organisation)] = Organisation,
        [typeof(ChargeSchedule)] = ChargeSchedule,
        [typeof(VatTreatmentChange)] = VatTreatment,
        [typeof(StandardVatRate)] = VatRate,
        [typeof(BankHoliday)] = BankHoliday,
        [typeof(ActivityEntry)] = Activity,
        [typeof(ActivityImport)] = ActivityImport,
        [typeof(RechargeRun)] = RechargeRun,
        [typeof(Invoice)] = Invoice,
        [typeof(UserAccount)] = User,
        [typeof(IdentityRole)] = Role,
        [typeof(IdentityUserRole<string>)] = UserRole,
    };

    /// <summary>The name for a record of <paramref name="type"/>: from the table above, or the type's name in words.</summary>
    public static string Of(Type type) => ByType.TryGetValue(type, out var name) ? name : InWords(type.Name);

    // "BankHolidayYear" → "Bank holiday year"; a generic type loses its arity ("IdentityUserClaim`1" → "Identity user claim").
    private static string InWords(string name)
    {
        var plain = name.Split('`')[0];
        var words = new System.Text.StringBuilder();
        foreach (var c in plain)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }

    /// <summary>A bank holiday's key in the trail, its date as 2026-12-25: the one form both the recorder and the bank holiday page's writes use.</summary>
    internal static string BankHolidayKey(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
