using System.Diagnostics;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>Runs the real <c>socle</c> command (socle.dll) as a user would, on a given data directory.</summary>
public static class SocleCli
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string dataDir, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "socle.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(dataDir);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A host on a SQLite data directory that the CLI is pointed at too.</summary>
public sealed class DataDirectoryApiFactory : SocleApiFactory
{
    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        System.IO.Directory.CreateDirectory(DataDirectory);
        return Task.FromResult($"Data Source={Path.Combine(DataDirectory, "socle.db")};Pooling=true");
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
