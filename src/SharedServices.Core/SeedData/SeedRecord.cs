namespace SharedServices.Core.SeedData;

/// <summary>
/// Remembers that a seed organisation or partnership has been loaded, and into which row, so that it is loaded once
/// ever: a user may rename, re-code or edit it afterwards and a later start will not bring the original back.
/// </summary>
public sealed class SeedRecord
{
    private SeedRecord() { Key = ""; }

    public SeedRecord(string key, int entityId, DateTimeOffset loadedAt)
    {
        Key = key;
        EntityId = entityId;
        LoadedAt = loadedAt;
    }

    /// <summary>"organisation:IWC", "partnership:hcc-iwc-childrens-services" or a <see cref="ScheduleKey"/>: the code in the seed file.</summary>
    public string Key { get; private set; }

    /// <summary>The id of the row the seed item became.</summary>
    public int EntityId { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public static string OrganisationKey(string code) => "organisation:" + code;

    public static string PartnershipKey(string code) => "partnership:" + code;

    /// <summary>"schedule:scc-iwc-education-support:Educational psychology": a seed service's charges, loaded once with its schedule.</summary>
    public static string ScheduleKey(string partnershipCode, string serviceName) => $"schedule:{partnershipCode}:{serviceName}";

    /// <summary>The longest key the table holds.</summary>
    public const int MaxKeyLength = 200;
}
