using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SharedServices.Core.Access;
using SharedServices.Core.Audit;
using SharedServices.Domain.Charging;
using SharedServices.Domain.Dates;
using SharedServices.Domain.Invoicing;
using SharedServices.Domain.Organisations;
using SharedServices.Domain.Partnerships;
using SharedServices.Domain.Recharging;

namespace SharedServices.Core.Persistence;

/// <summary>
/// Turns what the change tracker is about to save into audit entries: one per record changed, with the values of
/// the changed fields before and after. Parts of a record are folded into the record's own entry, because that is
/// how a finance officer thinks of them: a partnership's term, parties and notice periods (owned by it), an
/// invoice's lines and payments, a schedule's rate versions. Captured in two steps around the save: what was there
/// before is read first (a deleted row is gone afterwards); keys the database generates, and everything of a new
/// record, are read after the save, when they are known.
/// </summary>
internal sealed class AuditRecorder
{
    /// <summary>Written in their place, so that no copy of a secret, even hashed, ends up in the trail.</summary>
    public const string Masked = "(changed)";

    public const string MaskedSet = "(set)";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Not recorded: the trail itself, and the app's own keys.</summary>
    private static readonly HashSet<Type> Skipped = [typeof(AuditEntry), typeof(DataProtectionKey)];

    /// <summary>Fields never written into the trail as they are.</summary>
    private static readonly HashSet<(Type, string)> Secrets =
    [
        (typeof(UserAccount), nameof(UserAccount.PasswordHash)),
        (typeof(UserAccount), nameof(UserAccount.SecurityStamp)),
        (typeof(UserAccount), nameof(UserAccount.ConcurrencyStamp)),
        (typeof(UserAccount), nameof(UserAccount.CalendarFeedTokenHash)),
        (typeof(IdentityUserToken<string>), nameof(IdentityUserToken<string>.Value)),
        (typeof(IdentityRole), nameof(IdentityRole.ConcurrencyStamp)),
    ];

    /// <summary>Records that are parts of another though not owned by it in EF Core's terms: (foreign key, parent, the parent's name for them).</summary>
    private static readonly Dictionary<Type, (string ForeignKey, Type Parent, string Navigation)> Parts = new()
    {
        [typeof(InvoiceLine)] = ("InvoiceId", typeof(Invoice), "Lines"),
        [typeof(RateVersion)] = ("ChargeScheduleId", typeof(ChargeSchedule), "Versions"),
    };

    private readonly SharedServicesDbContext _db;
    private readonly Dictionary<object, Group> _groups = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Group> _virtualGroups = [];
    private readonly List<Group> _order = [];

    private AuditRecorder(SharedServicesDbContext db) => _db = db;

    /// <summary>Reads what is about to be saved; null when nothing of it is audited.</summary>
    public static AuditRecorder? Capture(SharedServicesDbContext db)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Skipped.Contains(e.Metadata.ClrType))
            .ToList();
        if (changed.Count == 0) return null;
        var recorder = new AuditRecorder(db);
        var index = new EntryIndex(db);
        foreach (var entry in changed) recorder.Add(entry, index);
        return recorder;
    }

    private void Add(EntityEntry entry, EntryIndex index)
    {
        // Walk up to the record this is part of, noting the way down ("NoticePeriods #3", "Source").
        var path = new List<Segment>();
        var current = entry;
        Group? group = null;
        while (true)
        {
            if (current.Metadata.FindOwnership() is { } ownership)
            {
                var navigation = ownership.PrincipalToDependent!;
                path.Insert(0, new Segment(navigation.Name, navigation.IsCollection ? current : null, navigation.IsCollection ? KeyText(current) : null));
                var owner = index.Find(ownership.PrincipalEntityType, ownership.Properties.Select(p => current.Property(p.Name).CurrentValue));
                if (owner is null) break; // cannot happen for a tracked owned entity; recorded on its own below
                current = owner;
                continue;
            }
            if (Parts.TryGetValue(current.Metadata.ClrType, out var partOf))
            {
                path.Insert(0, new Segment(partOf.Navigation, current, KeyText(current)));
                var parentId = current.Property(partOf.ForeignKey).CurrentValue;
                var parentType = _db.Model.FindEntityType(partOf.Parent)!;
                if (index.Find(parentType, [parentId]) is { } parent)
                {
                    current = parent;
                    continue;
                }
                // The parent was not loaded: its entry is made from its key alone.
                var parentKey = $"{parentType.Name}#{Convert.ToString(parentId, CultureInfo.InvariantCulture)}";
                if (!_virtualGroups.TryGetValue(parentKey, out group))
                {
                    group = new Group(null, parentType, EntityState.Unchanged) { KeyBefore = Convert.ToString(parentId, CultureInfo.InvariantCulture) };
                    _virtualGroups.Add(parentKey, group);
                    _order.Add(group);
                }
                break;
            }
            break;
        }
        if (group is null)
        {
            if (!_groups.TryGetValue(current.Entity, out group))
            {
                group = new Group(current, current.Metadata, current.State);
                if (group.State != EntityState.Added) group.KeyBefore = KeyText(current);
                if (group.State == EntityState.Deleted) group.DeletedValues = AllValues(current, original: true);
                _groups.Add(current.Entity, group);
                _order.Add(group);
            }
        }
        var part = new Part(entry, entry.State, path);
        group.Parts.Add(part);
        if (path.Count > 0) group.ChildNavigations.Add(path[0].Navigation);

        // What was there before is read now; a new record's values are read after the save (see Complete).
        if (entry.State == EntityState.Modified)
        {
            foreach (var property in entry.Properties.Where(p => p.IsModified && Shown(entry, p.Metadata)))
            {
                if (Equals(property.OriginalValue, property.CurrentValue)) continue;
                var secret = IsSecret(entry, property.Metadata.Name);
                part.Before[property.Metadata.Name] = secret ? Masked : Show(property.OriginalValue);
                part.After[property.Metadata.Name] = secret ? Masked : Show(property.CurrentValue);
            }
            foreach (var (name, original, current2, _) in ComplexValues(entry).Where(c => c.Modified))
            {
                if (Equals(original, current2)) continue;
                part.Before[name] = Show(original);
                part.After[name] = Show(current2);
            }
        }
        else if (entry.State == EntityState.Deleted)
        {
            foreach (var (name, value) in Values(entry, original: true)) part.Before[name] = value;
        }
    }

    /// <summary>
    /// After the save: reads new records' values and keys, works out each entry's partnership and organisation, and
    /// returns the entries to add (in the same transaction).
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> CompleteAsync(CancellationToken cancel)
    {
        var now = DateTime.UtcNow;
        var caller = _db.Caller;
        var lookups = new OwnerLookups();
        var drafts = new List<(Group Group, Owner Owner)>();
        foreach (var group in _order)
        {
            foreach (var part in group.Parts.Where(p => p.State == EntityState.Added))
                foreach (var (name, value) in Values(part.Entry, original: false)) part.After[name] = value;
            var replaced = DroppedAsReplaced(group);
            foreach (var part in group.Parts.Where(p => !replaced.Contains(p)))
            {
                var prefix = part.Path.Count == 0 ? "" : string.Join(".", part.Path.Select(s => s.LabelAfter())) + ".";
                foreach (var (name, value) in part.Before) group.Before[prefix + name] = value;
                foreach (var (name, value) in part.After) group.After[prefix + name] = value;
            }
            // A replaced part (a new term, the same field) shows only what differs.
            foreach (var key in group.Before.Keys.Where(k => group.After.TryGetValue(k, out var after) && after == group.Before[k] && after != Masked).ToList())
            {
                group.Before.Remove(key);
                group.After.Remove(key);
            }
            if (group.State == EntityState.Modified && group.Before.Count == 0 && group.After.Count == 0) continue; // only a version moved on
            if (group.State == EntityState.Unchanged && group.Before.Count == 0 && group.After.Count == 0) continue;
            drafts.Add((group, OwnerOf(group, lookups)));
        }
        await lookups.ResolveAsync(_db, cancel);
        return drafts.Select(d => ToEntry(d.Group, lookups.Resolve(d.Owner), caller, now)).ToList();
    }

    private static AuditEntry ToEntry(Group group, (int? Partnership, int? Organisation) owner, Caller caller, DateTime now)
    {
        var action = group.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated };
        var kind = KindOf(group);
        var key = group.KeyBefore ?? (group.Root is { } root ? KeyText(root) : "");
        var label = group.Root is null ? $"#{key}" : LabelOf(group);
        var summary = action switch
        {
            AuditAction.Created => $"{kind} {label} created",
            AuditAction.Deleted => $"{kind} {label} deleted",
            _ => $"{kind} {label} changed: {Fields(group.After.Keys.Concat(group.Before.Keys))}",
        };
        return new AuditEntry(now, caller.Name, caller.UserId, action, kind, key, owner.Partnership, owner.Organisation, summary,
            AuditJson.Write(group.Before), AuditJson.Write(group.After));
    }

    /// <summary>"Name, Term, Parties": the fields changed, by their top-level name, the first eight.</summary>
    private static string Fields(IEnumerable<string> keys)
    {
        var names = keys.Select(k => k.Split('.')[0].Split(" #")[0]).Distinct().ToList();
        return string.Join(", ", names.Take(8)) + (names.Count > 8 ? $" and {names.Count - 8} more" : "");
    }

    /// <summary>A payment recorded on an invoice is a payment; an invoice of the credit note kind is a credit note.</summary>
    private static string KindOf(Group group)
    {
        var clr = group.Type.ClrType;
        if (clr == typeof(Invoice))
        {
            if (group.ChildNavigations.Count == 1 && group.ChildNavigations.Contains(nameof(Invoice.Payments))
                && group.After.Keys.Concat(group.Before.Keys).All(k => k.StartsWith(nameof(Invoice.Payments), StringComparison.Ordinal)))
                return AuditRecordNames.Payment;
            if (group.Root?.Entity is Invoice { Kind: InvoiceKind.CreditNote }) return AuditRecordNames.CreditNote;
        }
        return AuditRecordNames.Of(clr);
    }

    /// <summary>How the record is named in the summary: its code, number, name or e-mail, whichever it has.</summary>
    private static string LabelOf(Group group)
    {
        object? Read(string name)
        {
            if (group.DeletedRaw is { } raw) return raw.GetValueOrDefault(name);
            return group.Root!.Metadata.FindProperty(name) is null ? null : group.Root.Property(name).CurrentValue;
        }
        var entity = group.Root!.Entity;
        return entity switch
        {
            Invoice i => i.Number ?? $"draft for {i.PeriodLabel} (#{group.KeyBefore ?? KeyText(group.Root)})",
            BankHoliday h => $"{DateText.Long(h.Date)} ({h.Name})",
            _ => new[] { "Code", "Number", "Name", "Email", "FileName", "PeriodCode", "Reference" }.Select(Read).OfType<object>()
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } text
                ? $"{text} (#{group.KeyBefore ?? KeyText(group.Root)})"
                : $"#{group.KeyBefore ?? KeyText(group.Root)}",
        };
    }

    /// <summary>Where the record belongs, read from the record or (for a service's, schedule's, invoice's or user's parts) looked up.</summary>
    private static Owner OwnerOf(Group group, OwnerLookups lookups)
    {
        var keyNumber = int.TryParse(group.KeyBefore, out var k) ? k : (int?)null;
        if (group.Root is null)
        {
            // A part whose parent was not loaded: the parent is found by its key.
            return group.Type.ClrType == typeof(Invoice) ? lookups.Invoice(keyNumber) : lookups.Schedule(keyNumber);
        }
        object? Read(string name)
        {
            if (group.DeletedRaw is { } raw) return raw.GetValueOrDefault(name);
            return group.Root.Metadata.FindProperty(name) is null ? null : group.Root.Property(name).CurrentValue;
        }
        int? Int(string name) => Read(name) as int?;
        return group.Root.Entity switch
        {
            Partnership => new Owner(Int("Id"), null),
            TradedService or DecisionRecord or PartnershipEvent or Milestone or Domain.Activity.ActivityImport or Invoice => new Owner(Int("PartnershipId"), null),
            ChargeSchedule or Domain.Vat.VatTreatmentChange or Domain.Activity.ActivityEntry => lookups.Service(Int("TradedServiceId")),
            Organisation => new Owner(null, Int("Id")),
            UserAccount => new Owner(null, Int(nameof(UserAccount.OrganisationId))),
            RechargeRun => new Owner(null, Int(nameof(RechargeRun.OrganisationId))),
            IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string> or IdentityUserToken<string> => lookups.User(Read("UserId") as string),
            _ => new Owner(null, null),
        };
    }

    /// <summary>The fields shown for a record: not its key, not the link to its owner, not its version.</summary>
    private static bool Shown(EntityEntry entry, IProperty property)
    {
        if (property.IsPrimaryKey()) return false;
        if (property.Name == SharedServicesDbContext.VersionColumn && property.IsConcurrencyToken) return false;
        if (entry.Metadata.FindOwnership() is { } ownership && ownership.Properties.Contains(property)) return false;
        if (Parts.TryGetValue(entry.Metadata.ClrType, out var part) && property.Name == part.ForeignKey) return false;
        return true;
    }

    private static bool IsSecret(EntityEntry entry, string property) => Secrets.Contains((entry.Metadata.ClrType, property));

    /// <summary>Every shown field that has a value, as shown; secrets masked.</summary>
    private static IEnumerable<(string Name, string? Value)> Values(EntityEntry entry, bool original)
    {
        foreach (var property in entry.Properties.Where(p => Shown(entry, p.Metadata)))
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            if (value is null) continue;
            yield return (property.Metadata.Name, IsSecret(entry, property.Metadata.Name) ? MaskedSet : Show(value));
        }
        foreach (var (name, before, after, _) in ComplexValues(entry))
        {
            var value = original ? before : after;
            if (value is not null) yield return (name, Show(value));
        }
    }

    private static Dictionary<string, object?> AllValues(EntityEntry entry, bool original) =>
        entry.Properties.ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);

    /// <summary>The fields of complex properties (an issued invoice's parties), by dotted name.</summary>
    private static IEnumerable<(string Name, object? Original, object? Current, bool Modified)> ComplexValuesWithState(EntityEntry entry)
    {
        var found = new List<(string, object?, object?, bool)>();
        foreach (var complex in entry.ComplexProperties) Collect(complex, complex.Metadata.Name, found);
        return found;

        static void Collect(ComplexPropertyEntry complex, string prefix, List<(string, object?, object?, bool)> into)
        {
            IEnumerable<PropertyEntry> properties;
            IEnumerable<ComplexPropertyEntry> nested;
            try
            {
                properties = complex.Properties.ToList();
                nested = complex.ComplexProperties.ToList();
            }
            catch (InvalidOperationException)
            {
                return; // an optional complex property that is not there
            }
            foreach (var p in properties)
            {
                object? original, current;
                bool modified;
                try
                {
                    original = p.OriginalValue;
                    current = p.CurrentValue;
                    modified = p.IsModified;
                }
                catch (InvalidOperationException)
                {
                    continue;
                }
                catch (NullReferenceException)
                {
                    continue;
                }
                into.Add(($"{prefix}.{p.Metadata.Name}", original, current, modified));
            }
            foreach (var n in nested) Collect(n, $"{prefix}.{n.Metadata.Name}", into);
        }
    }

    private static IEnumerable<(string Name, object? Original, object? Current, bool Modified)> ComplexValues(EntityEntry entry) =>
        entry.Metadata.GetComplexProperties().Any() ? ComplexValuesWithState(entry) : [];

    /// <summary>A value as a person reads it: dates in words, money in pounds, times in UK time, a list by its length.</summary>
    internal static string? Show(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => DateText.Long(d),
        DateTime t => UkTime.Show(t),
        DateTimeOffset t => UkTime.Show(t.UtcDateTime),
        bool b => b ? "Yes" : "No",
        Enum e => e.ToString(),
        IFormattable f when value is not Domain.Money.Money => f.ToString(null, EnGb),
        IEnumerable list => $"{list.Cast<object?>().Count():N0} item(s)",
        _ => Convert.ToString(value, EnGb),
    };

    private static string KeyText(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        var values = key.Properties.Select(p => entry.Property(p.Name).CurrentValue switch
        {
            DateOnly d => AuditRecordNames.BankHolidayKey(d),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        });
        return string.Join("/", values);
    }

    /// <summary>One record's entry in the making.</summary>
    private sealed class Group(EntityEntry? root, IEntityType type, EntityState state)
    {
        public EntityEntry? Root { get; } = root;
        public IEntityType Type { get; } = type;
        public EntityState State { get; set; } = state;
        public string? KeyBefore { get; set; }
        public Dictionary<string, object?>? DeletedValues { get; set; }
        public Dictionary<string, object?>? DeletedRaw => State == EntityState.Deleted ? DeletedValues : null;
        public List<Part> Parts { get; } = [];
        public HashSet<string> ChildNavigations { get; } = [];
        public Dictionary<string, string?> Before { get; } = [];
        public Dictionary<string, string?> After { get; } = [];
    }

    private sealed record Part(EntityEntry Entry, EntityState State, IReadOnlyList<Segment> Path)
    {
        public Dictionary<string, string?> Before { get; } = [];
        public Dictionary<string, string?> After { get; } = [];
    }

    /// <summary>
    /// Items of a list removed and added again with the same values (a form saves a partnership's parties by replacing
    /// them): not a change anyone made, so left out. An item is matched with everything under it (a notice's source).
    /// </summary>
    private static HashSet<Part> DroppedAsReplaced(Group group)
    {
        var dropped = new HashSet<Part>(ReferenceEqualityComparer.Instance);
        if (!group.Parts.Any(p => p.State == EntityState.Deleted && p.Path.Count > 0)) return dropped;
        var items = new List<(EntityState State, string List, string Signature, List<Part> Parts)>();
        foreach (var bucket in group.Parts.Where(p => p.State is EntityState.Added or EntityState.Deleted)
                     .Select(p => (Part: p, Item: LastItem(p.Path)))
                     .Where(x => x.Item >= 0)
                     .GroupBy(x => (x.Part.State, Item: string.Join(".", x.Part.Path.Take(x.Item + 1).Select(s => s.LabelAfter())))))
        {
            var first = bucket.First();
            var list = string.Join(".", first.Part.Path.Take(first.Item).Select(s => s.LabelAfter()).Append(first.Part.Path[first.Item].Navigation));
            var signature = string.Join("\n", bucket.SelectMany(x =>
                (x.Part.State == EntityState.Added ? x.Part.After : x.Part.Before)
                .Select(v => $"{string.Join(".", x.Part.Path.Skip(x.Item + 1).Select(s => s.Navigation))}.{v.Key}={v.Value}"))
                .Order(StringComparer.Ordinal));
            items.Add((bucket.Key.State, list, signature, bucket.Select(x => x.Part).ToList()));
        }
        var added = items.Where(i => i.State == EntityState.Added).ToList();
        foreach (var removed in items.Where(i => i.State == EntityState.Deleted))
        {
            var match = added.FindIndex(a => a.List == removed.List && a.Signature == removed.Signature);
            if (match < 0) continue;
            dropped.UnionWith(removed.Parts);
            dropped.UnionWith(added[match].Parts);
            added.RemoveAt(match);
        }
        return dropped;

        static int LastItem(IReadOnlyList<Segment> path)
        {
            for (var i = path.Count - 1; i >= 0; i--)
                if (path[i].Item is not null) return i;
            return -1;
        }
    }

    /// <summary>One step down from a record to its part: "Term", or "Lines #12" for one of a list.</summary>
    private sealed record Segment(string Navigation, EntityEntry? Item, string? KeyBefore)
    {
        public string Label => Item is null ? Navigation : $"{Navigation} #{KeyBefore}";

        /// <summary>After the save, a new item's key is the one the database gave it.</summary>
        public string LabelAfter() => Item is null ? Navigation : $"{Navigation} #{(Item.State == EntityState.Detached ? KeyBefore : KeyText(Item))}";
    }

    /// <summary>The tracked entries by type and key, built once per save, to find the record an owned part belongs to.</summary>
    private sealed class EntryIndex(SharedServicesDbContext db)
    {
        private Dictionary<(IEntityType, string), EntityEntry>? _byKey;

        public EntityEntry? Find(IEntityType type, IEnumerable<object?> key)
        {
            _byKey ??= Build();
            return _byKey.GetValueOrDefault((type, string.Join("/", key.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
        }

        private Dictionary<(IEntityType, string), EntityEntry> Build()
        {
            var index = new Dictionary<(IEntityType, string), EntityEntry>();
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.Metadata.FindPrimaryKey() is not { } key) continue;
                var text = string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
                index.TryAdd((entry.Metadata, text), entry);
            }
            return index;
        }
    }

    /// <summary>Where an entry belongs: known, or to be looked up by a service's, schedule's, invoice's or user's id.</summary>
    private sealed record Owner(int? Partnership, int? Organisation, LookUp By = LookUp.None, object? Id = null);

    /// <summary>What an entry's owner is found by, when the record does not say itself.</summary>
    private enum LookUp { None, Service, Schedule, Invoice, User }

    /// <summary>The look-ups of partnership or organisation, made in one query per kind whatever the number of entries.</summary>
    private sealed class OwnerLookups
    {
        private readonly HashSet<int> _services = [], _schedules = [], _invoices = [];
        private readonly HashSet<string> _users = [];
        private Dictionary<int, int> _partnershipOfService = [], _partnershipOfSchedule = [], _partnershipOfInvoice = [];
        private Dictionary<string, int> _organisationOfUser = [];

        public Owner Service(int? id) { if (id is { } i) _services.Add(i); return new Owner(null, null, LookUp.Service, id); }
        public Owner Schedule(int? id) { if (id is { } i) _schedules.Add(i); return new Owner(null, null, LookUp.Schedule, id); }
        public Owner Invoice(int? id) { if (id is { } i) _invoices.Add(i); return new Owner(null, null, LookUp.Invoice, id); }
        public Owner User(string? id) { if (id is not null) _users.Add(id); return new Owner(null, null, LookUp.User, id); }

        public async Task ResolveAsync(SharedServicesDbContext db, CancellationToken cancel)
        {
            // Ignoring the organisation filter: the entry belongs where the record belongs, whoever made the change.
            if (_services.Count > 0)
                _partnershipOfService = await db.TradedServices.IgnoreQueryFilters().Where(s => _services.Contains(s.Id))
                    .Select(s => new { s.Id, P = EF.Property<int>(s, "PartnershipId") }).ToDictionaryAsync(x => x.Id, x => x.P, cancel);
            if (_schedules.Count > 0)
                _partnershipOfSchedule = await db.ChargeSchedules.IgnoreQueryFilters().Where(c => _schedules.Contains(c.Id))
                    .Join(db.TradedServices.IgnoreQueryFilters(), c => c.TradedServiceId, s => s.Id, (c, s) => new { c.Id, P = EF.Property<int>(s, "PartnershipId") })
                    .ToDictionaryAsync(x => x.Id, x => x.P, cancel);
            if (_invoices.Count > 0)
                _partnershipOfInvoice = await db.Invoices.IgnoreQueryFilters().Where(i => _invoices.Contains(i.Id))
                    .Select(i => new { i.Id, i.PartnershipId }).ToDictionaryAsync(x => x.Id, x => x.PartnershipId, cancel);
            if (_users.Count > 0)
                _organisationOfUser = await db.Users.Where(u => _users.Contains(u.Id))
                    .Select(u => new { u.Id, u.OrganisationId }).ToDictionaryAsync(x => x.Id, x => x.OrganisationId, cancel);
        }

        public (int?, int?) Resolve(Owner owner) => owner.By switch
        {
            LookUp.Service => (Find(_partnershipOfService, owner.Id), null),
            LookUp.Schedule => (Find(_partnershipOfSchedule, owner.Id), null),
            LookUp.Invoice => (Find(_partnershipOfInvoice, owner.Id), null),
            LookUp.User => (null, owner.Id is string u && _organisationOfUser.TryGetValue(u, out var o) ? o : null),
            _ => (owner.Partnership, owner.Organisation),
        };

        private static int? Find(Dictionary<int, int> map, object? id) => id is int i && map.TryGetValue(i, out var p) ? p : null;
    }
}
