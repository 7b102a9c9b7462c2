namespace SharedServices.Web.Components.Features.Sources;

/// <summary>
/// The council papers the seed data was taken from, kept in <c>seed-data/sources/</c> and served read-only as plain
/// text at <c>/sources/{file}</c>, so that a board member can open the paper behind a fact and find the paragraph.
/// </summary>
/// <remarks>
/// Only the files found in that folder at start-up are served. A requested name is looked up in that list and never
/// joined to a path, so "../", encoded slashes and the like cannot reach any other file.
/// </remarks>
public sealed class SourceLibrary
{
    public const string PathPrefix = "/sources/";

    private readonly string _folder;
    private readonly HashSet<string> _files;

    /// <param name="folder">The folder holding the papers; a missing folder means no paper is held.</param>
    public SourceLibrary(string folder)
    {
        _folder = Path.GetFullPath(folder);
        _files = Directory.Exists(_folder)
            ? Directory.GetFiles(_folder, "*.txt").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    /// <summary>The <c>sources</c> folder inside the seed data folder the app loads (<c>SeedData:Folder</c>).</summary>
    public static SourceLibrary FromConfiguration(IConfiguration configuration, string contentRoot) =>
        new(Path.Combine(Startup.StartupOptions.SeedFolder(configuration, contentRoot), "sources"));

    /// <summary>The address of a paper, or null when no copy of it is held.</summary>
    public string? LinkTo(string document) =>
        _files.Contains(document) ? PathPrefix + Uri.EscapeDataString(document) : null;

    /// <summary>The full path of a held paper, or null for any other name.</summary>
    public string? PathOf(string file) => _files.Contains(file) ? Path.Combine(_folder, file) : null;
}

public static class SourceDocuments
{
    public static IServiceCollection AddSourceDocuments(this IServiceCollection services) =>
        services.AddSingleton(provider => SourceLibrary.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath));

    /// <summary>Serves a held paper as UTF-8 text; any other name is a 404 (with the app's not-found page).</summary>
    public static void MapSourceDocuments(this IEndpointRouteBuilder app) =>
        app.MapGet(SourceLibrary.PathPrefix + "{file}", (string file, SourceLibrary library) =>
            library.PathOf(file) is { } path ? Results.File(path, "text/plain; charset=utf-8") : Results.NotFound());
}
