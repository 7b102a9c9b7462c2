using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace SharedServices.Core.SeedData;

/// <summary>
/// Reads and checks a seed folder: <c>organisations.json</c> and one file per partnership under
/// <c>partnerships/</c>. Every problem in every file is collected, each naming its file and field, so one run
/// shows all that needs fixing. Nothing is written to the database here.
/// </summary>
public static class SeedDataReader
{
    public const string OrganisationsFile = "organisations.json";
    public const string PartnershipsFolder = "partnerships";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new NamedEnumConverter() },
    };

    public static SeedData Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new SeedDataException([$"{folder}: the seed data folder does not exist"]);
        var errors = new List<string>();

        var organisations = Parse<SeedOrganisationsFile>(folder, OrganisationsFile, errors)?.Organisations ?? [];
        var organisationValidator = new SeedOrganisationValidator();
        for (var i = 0; i < organisations.Count; i++)
            Collect(errors, OrganisationsFile, $"organisations[{i}].", organisationValidator.Validate(organisations[i]));
        foreach (var duplicate in organisations.GroupBy(o => o.Code).Where(g => g.Count() > 1))
            errors.Add($"{OrganisationsFile}: organisation code '{duplicate.Key}' appears more than once");

        var files = Directory.Exists(Path.Combine(folder, PartnershipsFolder))
            ? Directory.GetFiles(Path.Combine(folder, PartnershipsFolder), "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0) errors.Add($"{PartnershipsFolder}/: no partnership files found");

        var partnerships = new List<(string File, SeedPartnership Partnership)>();
        foreach (var path in files)
        {
            var name = $"{PartnershipsFolder}/{Path.GetFileName(path)}";
            if (Parse<SeedPartnership>(folder, name, errors) is { } partnership) partnerships.Add((name, partnership));
        }
        foreach (var duplicate in partnerships.GroupBy(p => p.Partnership.Code).Where(g => g.Count() > 1))
            errors.Add($"{string.Join(", ", duplicate.Select(d => d.File))}: partnership code '{duplicate.Key}' appears more than once");

        foreach (var shared in partnerships.Where(p => p.Partnership.Predecessor is not null).GroupBy(p => p.Partnership.Predecessor).Where(g => g.Count() > 1))
            errors.Add($"{string.Join(", ", shared.Select(d => d.File))}: predecessor: '{shared.Key}' can be replaced by only one partnership");

        var validator = new SeedPartnershipValidator(
            organisations.Select(o => o.Code).ToHashSet(), partnerships.Select(p => p.Partnership.Code).ToHashSet());
        foreach (var (file, partnership) in partnerships)
            Collect(errors, file, "", validator.Validate(partnership));

        if (errors.Count > 0) throw new SeedDataException(errors);
        return new SeedData(organisations, partnerships);
    }

    private static T? Parse<T>(string folder, string name, List<string> errors) where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            errors.Add($"{name}: file not found");
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
            if (value is null) errors.Add($"{name}: the file is empty (null)");
            return value;
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } p ? $"{p.TrimStart('$', '.')} (line {ex.LineNumber + 1})" : $"line {ex.LineNumber + 1}";
            errors.Add($"{name}: {where}: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    private static void Collect(List<string> errors, string file, string prefix, FluentValidation.Results.ValidationResult result) =>
        errors.AddRange(result.Errors.Select(e => $"{file}: {prefix}{CamelPath(e.PropertyName)}: {e.ErrorMessage}"));

    /// <summary>"Term.EndDate" → "term.endDate", matching the names in the file.</summary>
    private static string CamelPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
