using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Socle.Identity.Contracts;

namespace Socle.Bench;

/// <summary>
/// Benchmarks of the Identity module through the real HTTP endpoints and the real storage; every figure is printed
/// next to a baseline measured in the same run (an empty authenticated endpoint of the same host).
/// </summary>
internal static class BenchMain
{
    public static async Task Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        string connection;
        string? tempDir = null;
        if (options.Provider == "Postgres")
        {
            connection = options.Connection ?? throw new ArgumentException("--connection is required with --provider Postgres (bench/run.sh starts a throwaway cluster).");
        }
        else if (options.Connection is { } sqlite)
        {
            connection = sqlite;
        }
        else
        {
            tempDir = Path.Combine(Path.GetTempPath(), "socle-bench-" + Guid.NewGuid().ToString("N")[..8]);
            System.IO.Directory.CreateDirectory(tempDir);
            connection = $"Data Source={Path.Combine(tempDir, "socle.db")}";
        }

        Console.WriteLine(options.Record
            ? $"# Socle Record benchmark: {options.Provider}, {options.Patients:N0} records, {options.Documents:N0} documents, {options.Concurrency} clients x {options.Seconds} s"
            : options.Connect
            ? $"# Socle Connect benchmark: {options.Provider}, {options.Concurrency} clients x {options.Seconds} s"
            : options.DirectorySearch
            ? $"# Socle Directory search benchmark: {options.Provider}, {options.Concurrency} clients x {options.Seconds} s"
            : $"# Socle Identity benchmark: {options.Provider}, {options.Identities:N0} reference identities, {options.Locals:N0} local identities, {options.Concurrency} clients x {options.Seconds} s");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version} ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC), {DateTime.UtcNow:yyyy-MM-dd}");
        try
        {
            await RunAsync(options, connection);
        }
        finally
        {
            if (tempDir is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                System.IO.Directory.Delete(tempDir, recursive: true);
            }
        }
    }

    /// <summary>Runs the benchmark the options name; the host is disposed when it returns, before the caller deletes its files.</summary>
    private static async Task RunAsync(BenchOptions options, string connection)
    {
        var inv = CultureInfo.InvariantCulture;
        if (options.Startup)
        {
            await StartupBench.RunAsync(options.HostDll);
            if (options.StartupOnly)
            {
                return;
            }
        }

        await using var host = new BenchHost(options.Provider, connection);
        host.Start();
        if (options.DirectorySearch)
        {
            await DirectorySearchBench.RunAsync(host, options);
            return;
        }

        if (options.Record)
        {
            await RecordBench.RunAsync(host, options, connection);
            return;
        }

        if (options.Connect)
        {
            await ConnectBench.RunAsync(host, options);
            return;
        }

        var watch = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().SeedAsync(options.Identities, null, CancellationToken.None);
        }

        var seedSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Seeding {options.Identities:N0} reference identities: {seedSeconds:0.0} s ({options.Identities / seedSeconds:0} rows/s)");

        const string organisation = "540002698";
        watch.Restart();
        await LocalIdentitySeeder.SeedAsync(host.Services, organisation, options.Locals);
        var localSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Loading {options.Locals:N0} local identities: {localSeconds:0.0} s ({options.Locals / localSeconds:0} rows/s)");

        using var http = await LoadRunner.AuthorizedClientAsync(host, organisation, "identity.ins identity.read identity.write", options.Concurrency);

        IReadOnlyList<SandboxIdentity> people;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            people = await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().ListAsync((int)Math.Min(options.Locals, 20_000), false, CancellationToken.None);
        }

        HttpRequestMessage Fhir(HttpMethod method, string path, string? body = null) => new(method, path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/fhir+json"),
        };

        var traits = people.Select(p => $"{{\"resourceType\":\"Parameters\",\"parameter\":[{{\"name\":\"family\",\"valueString\":\"{p.BirthFamilyName}\"}},{{\"name\":\"given\",\"valueString\":\"{p.BirthGivenNames.Split(' ')[0]}\"}},{{\"name\":\"birthdate\",\"valueDate\":\"{p.BirthDate}\"}},{{\"name\":\"gender\",\"valueCode\":\"{p.Gender}\"}}]}}").ToArray();
        var searches = people.Select(p => $"/fhir/Patient?family={Uri.EscapeDataString(p.BirthFamilyName)}&given={Uri.EscapeDataString(p.BirthGivenNames.Split(' ')[0])}&birthdate={p.BirthDate}").ToArray();
        var familyOnly = people.Select(p => $"/fhir/Patient?family={Uri.EscapeDataString(p.BirthFamilyName[..Math.Min(4, p.BirthFamilyName.Length)])}&_count=20").ToArray();
        var matches = people.Select(p => $"{{\"resourceType\":\"Parameters\",\"parameter\":[{{\"name\":\"resource\",\"resource\":{{\"resourceType\":\"Patient\",\"name\":[{{\"use\":\"official\",\"family\":\"{p.BirthFamilyName}\",\"given\":[\"{p.BirthGivenNames.Split(' ')[0]}\"]}}],\"gender\":\"{p.Gender}\",\"birthDate\":\"{p.BirthDate}\"}}}}]}}").ToArray();

        (string Name, Func<int, HttpRequestMessage> Request)[] scenarios =
        [
            ("Empty authenticated endpoint (baseline)", _ => Fhir(HttpMethod.Get, "/bench/empty")),
            ("INSi $ins-retrieve (traits)", i => Fhir(HttpMethod.Post, "/fhir/Patient/$ins-retrieve", traits[i % traits.Length])),
            ("PDQm search family+given+birthdate", i => Fhir(HttpMethod.Get, searches[i % searches.Length])),
            ("PDQm search family prefix (4 letters)", i => Fhir(HttpMethod.Get, familyOnly[i % familyOnly.Length])),
            ("Patient $match", i => Fhir(HttpMethod.Post, "/fhir/Patient/$match", matches[i % matches.Length])),
        ];

        // Throughput under load, then latency with one client at a time (no queueing behind other requests).
        scenarios = options.Selected(scenarios);
        await LoadRunner.RunTableAsync(http, options.Concurrency, options.Seconds, scenarios);
        await LoadRunner.RunTableAsync(http, 1, Math.Max(3, options.Seconds / 2), scenarios);

        watch.Restart();
        DuplicateScanReport report;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<IIdentityDuplicateScan>().ScanAsync(organisation, null, CancellationToken.None);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"Full duplicate scan: {report.IdentitiesScanned:N0} identities, {report.PairsCompared:N0} pairs compared, {report.Pairs.Count:N0} candidate pairs in {watch.Elapsed.TotalSeconds:0.0} s"));
    }
}
