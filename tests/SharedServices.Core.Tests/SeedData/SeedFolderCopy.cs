namespace SharedServices.Core.Tests.SeedData;

/// <summary>A scratch copy of seed-data/ that a test may break.</summary>
internal static class SeedFolderCopy
{
    public static string Make(string from)
    {
        var to = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(from, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }
}
