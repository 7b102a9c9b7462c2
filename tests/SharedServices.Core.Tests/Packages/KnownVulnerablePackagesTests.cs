using System.Diagnostics;

namespace SharedServices.Core.Tests.Packages;

/// <summary>
/// The build's own vulnerable-package check (build/KnownVulnerablePackages.targets), run through MSBuild as the build
/// runs it, against a restore result planted for the test and against the one this project really resolved.
/// </summary>
public sealed class KnownVulnerablePackagesTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Theory]
    // CVE-2021-24112: 4.7.0 and 4.7.1 are vulnerable, 4.7.2 fixed the 4.x line; 5.0.0 to 5.0.2 are vulnerable, 5.0.3 fixed.
    [InlineData("4.7.0", true)]
    [InlineData("4.7.1", true)]
    [InlineData("4.7.2", false)]
    [InlineData("4.7.3", false)]
    [InlineData("5.0.2", true)]
    [InlineData("5.0.3", false)]
    public async Task Check_SystemDrawingCommonVersion_FailsOnlyOnVulnerableOnes(string version, bool fails)
    {
        var assets = Path.Combine(Path.GetTempPath(), $"sharedservices-assets-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(assets, SampleAssets(version));
        try
        {
            var (exitCode, output) = await RunCheckAsync(assets);

            if (fails)
            {
                Assert.NotEqual(0, exitCode);
                Assert.Contains($"error SSPKG001: System.Drawing.Common {version} is a known vulnerable version", output);
                Assert.Contains("CVE-2021-24112", output);
            }
            else
            {
                Assert.True(exitCode == 0, output);
                Assert.DoesNotContain("SSPKG001", output);
            }
            // ClosedXML itself is not on the list: only the package named is reported.
            Assert.DoesNotContain("ClosedXML 0.95.4 is", output);
        }
        finally
        {
            File.Delete(assets);
        }
    }

    [Fact]
    public async Task Check_WhatThisProjectResolved_Passes()
    {
        var assets = Path.Combine(RepositoryRoot, "tests", "SharedServices.Core.Tests", "obj", "project.assets.json");
        Assert.Contains("\"System.Drawing.Common/4.7.3\"", await File.ReadAllTextAsync(assets)); // the pin reached ClosedXML's dependency

        var (exitCode, output) = await RunCheckAsync(assets);

        Assert.True(exitCode == 0, output);
    }

    // A restore result as NuGet writes it: ClosedXML and the System.Drawing.Common it brings in, and a project reference.
    private static string SampleAssets(string drawingVersion) => $$"""
        {
          "version": 3,
          "libraries": {
            "ClosedXML/0.95.4": { "sha512": "AAAA", "type": "package", "path": "closedxml/0.95.4" },
            "System.Drawing.Common/{{drawingVersion}}": { "sha512": "BBBB", "type": "package", "path": "system.drawing.common/{{drawingVersion}}" },
            "SharedServices.Domain/1.0.0": { "type": "project", "path": "../SharedServices.Domain/SharedServices.Domain.csproj" }
          }
        }
        """;

    private static async Task<(int ExitCode, string Output)> RunCheckAsync(string assetsFile)
    {
        var project = Path.Combine(Path.GetTempPath(), $"sharedservices-check-{Guid.NewGuid():N}.proj");
        var targets = Path.Combine(RepositoryRoot, "build", "KnownVulnerablePackages.targets");
        await File.WriteAllTextAsync(project, $"<Project><Import Project=\"{targets}\" /></Project>");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var argument in new[] { "msbuild", project, "-nologo", "-noAutoResponse", "-nodeReuse:false",
                         "-t:CheckKnownVulnerablePackages", $"-p:ProjectAssetsFile={assetsFile}" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            File.Delete(project);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "build", "KnownVulnerablePackages.targets"))) return folder.FullName;
        throw new InvalidOperationException("build/KnownVulnerablePackages.targets was not found above " + AppContext.BaseDirectory);
    }
}
