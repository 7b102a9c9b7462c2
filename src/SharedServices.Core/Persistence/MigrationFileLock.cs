using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SharedServices.Core.Persistence;

/// <summary>
/// An operating-system lock on a file beside the SQLite database (<c>sharedservices.db.migrate.lock</c>), held by the
/// one process that is migrating it. The OS lets go of it when that process ends, however it ends, so — unlike EF
/// Core's own lock row in <c>__EFMigrationsLock</c>, which a killed process leaves behind for ever
/// (dotnet/efcore#38958) — it can never be stale. Whoever holds it knows no other process of ours is migrating.
/// </summary>
/// <remarks>
/// The file is left in place afterwards: deleting a lock file on release lets a third process lock a new file while a
/// second still waits on the old one.
/// </remarks>
public sealed class MigrationFileLock : IDisposable
{
    public const string Suffix = ".migrate.lock";

    /// <summary>How long a start waits for another process's migration before giving up with a message.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _file;

    private MigrationFileLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + Suffix;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> (and saying so) while another process holds it.</summary>
    public static async Task<MigrationFileLock> AcquireAsync(string databasePath, TimeSpan wait, ILogger log, CancellationToken cancel)
    {
        var path = PathFor(databasePath);
        var waiting = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            if (TryTake(path) is { } taken)
            {
                if (said) log.LogInformation("Migration lock {LockFile} taken after waiting {Seconds:0.0} s", path, waiting.Elapsed.TotalSeconds);
                return taken;
            }
            if (waiting.Elapsed >= wait)
                throw new StartupException(
                    $"Another process has held the migration lock {path} for more than {wait.TotalSeconds:0} seconds, " +
                    "so the database cannot be brought up to date. Let the other SharedServices process finish (or stop it), then start again.");
            if (!said)
            {
                log.LogInformation(
                    "Another SharedServices process is migrating the database (it holds {LockFile}); waiting up to {Seconds:0} s for it to finish",
                    path, wait.TotalSeconds);
                said = true;
            }
            await Task.Delay(PollEvery, cancel);
        }
    }

    private static MigrationFileLock? TryTake(string path)
    {
        try
        {
            // FileShare.None is an exclusive lock (flock on Linux and macOS, a share mode on Windows).
            return new MigrationFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (HeldElsewhere(ex))
        {
            return null;
        }
    }

    // .NET reports the lock being held as EWOULDBLOCK on Linux (11) and macOS (35), a sharing violation on Windows;
    // any other failure (no such folder, read-only disk) is a real error and is not waited on.
    private static bool HeldElsewhere(IOException ex) => ex.HResult is 11 or 35 or unchecked((int)0x80070020);

    public void Dispose() => _file.Dispose();
}
