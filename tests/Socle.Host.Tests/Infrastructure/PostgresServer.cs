using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster that the test run starts itself (initdb, pg_ctl) and removes at exit. Missing
/// server binaries fail the tests loudly with the command that fixes it: PostgreSQL tests never skip.
/// </summary>
internal static class PostgresServer
{
    private const string Prefix = "socle-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly Lazy<Task<string>> Instance = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Instance.Value;
        var name = "socle_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 30 }.ToString();
    }

    private static async Task<string> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("PGBIN") ?? "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries were not found in {bin}. Install them with `apt-get install -y postgresql` "
                + "(scripts/test.sh does it), or set PGBIN to the folder holding initdb and pg_ctl.");
        }

        var asRoot = Environment.UserName == "root";
        await RemoveAbandonedClustersAsync(bin, asRoot);
        var dir = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asRoot)
        {
            await RunAsync("chown", ["postgres", dir], dir, false);
        }

        var port = FreePort();
        var data = Path.Combine(dir, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], dir, asRoot);
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(dir, "log"), "-w", "-t", "60", "-o", options, "start"], dir, asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndRemove(bin, data, dir, asRoot);
        return $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Pooling=true";
    }

    /// <summary>
    /// A test host that was killed could not stop its cluster: stop and remove clusters whose owning process is gone.
    /// </summary>
    private static async Task RemoveAbandonedClustersAsync(string bin, bool asRoot)
    {
        foreach (var dir in System.IO.Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var ownerFile = Path.Combine(dir, OwnerFile);
            if (File.Exists(ownerFile) && int.TryParse(await File.ReadAllTextAsync(ownerFile), out var owner) && IsAlive(owner))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-m", "immediate", "stop"], dir, asRoot);
                }

                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Another run may be removing it at the same moment; leave it.
            }
        }
    }

    /// <summary>
    /// The test runner kills its test host moments after the tests end, and the host's own stop and delete were cut
    /// short: each run left its cluster's directory behind. The stop and the removal run in a session of their own
    /// (setsid), which outlives the host; the host waits for them while it is let live.
    /// </summary>
    private static void StopAndRemove(string bin, string data, string dir, bool asRoot)
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        var script = "exec >/dev/null 2>&1 </dev/null; " + (asRoot ? "runuser -u postgres -- " : string.Empty)
            + "\"$0\" -D \"$1\" -m immediate stop; rm -rf \"$2\"";
        foreach (var argument in new[] { "sh", "-c", script, Path.Combine(bin, "pg_ctl"), data, dir })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, string workingDirectory, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
