using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SharedServices.Core.Persistence;
using Xunit.Abstractions;

namespace SharedServices.Cli.Tests;

/// <summary>
/// `kill -9` while a new database is being migrated and seeded, then start again: the restart must leave a whole
/// database with exactly the seed. A new database is built as <c>sharedservices.db.creating</c> and moved into place
/// only when every migration is in, so a kill part-way leaves no half-built database (a table rebuild cannot run in
/// SQLite's transaction, so a kill inside one once left the file neither before nor after it), and its lock row is
/// thrown away with it. Runs the real command line as a child process, since only a separate process can be killed.
/// </summary>
public sealed class KilledStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(45);

    /// <summary>When to kill: as soon as EF Core's lock row appears, or so long after the database (being built) appears.</summary>
    private static readonly string[] KillPoints = ["lock row", "0 ms", "150 ms", "400 ms", "900 ms"];

    [Fact]
    public async Task Killed_at_any_point_while_creating_the_database_a_restart_finishes_with_exactly_the_seed()
    {
        var budget = Stopwatch.StartNew();
        var killedMidway = 0;
        var killedWhileBuilding = 0;
        foreach (var point in KillPoints)
        {
            using var folder = new TempFolder();
            var file = Path.Combine(folder.Path, DatabaseSettings.SqliteFileName);
            var building = file + ".creating";

            using (var child = StartInit(folder.Path))
            {
                await WaitUntil(() => File.Exists(file) || File.Exists(building), child);
                if (point == "lock row") await WaitUntil(() => File.Exists(file) || LockRows(building) > 0, child);
                else await Task.Delay(int.Parse(point.Split(' ')[0]));
                var midway = !child.HasExited;
                if (midway) child.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
                await child.WaitForExitAsync();
                killedMidway += midway ? 1 : 0;
            }
            var halfBuilt = File.Exists(building) && !File.Exists(file);
            killedWhileBuilding += halfBuilt ? 1 : 0;

            var restart = await RunInit(folder.Path);

            output.WriteLine($"killed at {point}: {(halfBuilt ? "half-built database left beside" : "database in place")}; restart exit {restart.ExitCode} {restart.Error.Trim()}");
            Assert.True(restart.ExitCode == 0, $"restart after a kill at {point} failed: {restart.Error}");
            Assert.Equal("ok", Scalar(file, "PRAGMA integrity_check"));
            Assert.Equal(8L, Scalar(file, "SELECT COUNT(*) FROM Organisations"));
            Assert.Equal(5L, Scalar(file, "SELECT COUNT(*) FROM Partnerships"));
            Assert.Equal(0L, Scalar(file, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
            Assert.False(File.Exists(building), "the half-built database was left behind after the restart");
        }
        output.WriteLine($"{killedMidway} killed part-way, {killedWhileBuilding} while the database was being built, in {budget.Elapsed.TotalSeconds:0.0} s");
        Assert.True(killedMidway >= 3, $"only {killedMidway} runs were killed before they finished: the kill points are too late");
        Assert.True(killedWhileBuilding >= 1, "no kill landed while the database was being built, so a half-built one was never tested");
    }

    private static Process StartInit(string folder)
    {
        var process = Process.Start(StartInitInfo(folder))!;
        process.BeginOutputReadLine(); // drain the pipes so the child never blocks on a full one
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<CliResult> RunInit(string folder)
    {
        using var process = new Process { StartInfo = StartInitInfo(folder) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(RunLimit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the restart still had not finished after {RunLimit.TotalSeconds} s: it hangs");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo StartInitInfo(string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sharedservices.dll"), "db", "init", "--data-folder", folder, "--seed", SeededDatabase.SeedFolder })
            start.ArgumentList.Add(arg);
        return start;
    }

    private static async Task WaitUntil(Func<bool> condition, Process child)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (child.HasExited) return; // finished (or failed) before the kill point: the restart still has to cope
            if (waited.Elapsed > RunLimit) throw new Xunit.Sdk.XunitException("the child never reached the kill point");
            await Task.Delay(2);
        }
    }

    /// <summary>EF Core's lock rows, read without waiting on the child's writes (a busy database reads as none).</summary>
    private static long LockRows(string file, bool readOnly = true)
    {
        try
        {
            return (long)Scalar(file, "SELECT COUNT(*) FROM \"__EFMigrationsLock\"", readOnly)!;
        }
        catch (SqliteException)
        {
            return 0; // no table yet, or the child holds a write lock
        }
    }

    private static object? Scalar(string file, string sql, bool readOnly = false)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=0{(readOnly ? ";Mode=ReadOnly" : "")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
