namespace SharedServices.Core.Tests.SeedData;

/// <summary>A scratch copy of seed-data/ that a test may break; deleted when disposed.</summary>
internal sealed class SeedFolderCopy : IDisposable
{
    public SeedFolderCopy(string from)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(from, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    /// <summary>Writes <paramref name="newFile"/> as a copy of <paramref name="template"/> (paths under the folder) with each text replaced.</summary>
    public void CopyWith(string template, string newFile, params (string Find, string Replace)[] replacements) =>
        File.WriteAllText(Path.Combine(Folder, newFile),
            replacements.Aggregate(File.ReadAllText(Path.Combine(Folder, template)), (text, r) => text.Replace(r.Find, r.Replace)));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
