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

    /// <summary>"organisation:IWC" or "partnership:hcc-iwc-childrens-services": the code in the seed file.</summary>
    public string Key { get; private set; }

    /// <summary>The id of the row the seed item became.</summary>
    public int EntityId { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public static string OrganisationKey(string code) => "organisation:" + code;

    public static string PartnershipKey(string code) => "partnership:" + code;
}
