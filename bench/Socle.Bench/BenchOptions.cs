using System.Globalization;

namespace Socle.Bench;

/// <summary>Command-line settings of a benchmark run.</summary>
internal sealed record BenchOptions(string Provider, string? Connection, long Identities, long Locals, int Seconds, int Concurrency, bool Startup, bool StartupOnly, string HostDll, bool DirectorySearch, bool Connect, bool Record, long Patients, long Documents, string[] Scenarios)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new BenchOptions(
            Get("--provider", "Sqlite"),
            Get("--connection", string.Empty) is { Length: > 0 } c ? c : null,
            long.Parse(Get("--identities", "1000000"), CultureInfo.InvariantCulture),
            long.Parse(Get("--locals", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "15"), CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency", "32"), CultureInfo.InvariantCulture),
            args.Contains("--startup") || args.Contains("--startup-only"),
            args.Contains("--startup-only"),
            Path.GetFullPath(Get("--host-dll", Path.Combine(AppContext.BaseDirectory, "Socle.Host.dll"))),
            args.Contains("--directory-search"),
            args.Contains("--connect"),
            args.Contains("--record"),
            long.Parse(Get("--patients", "1000000"), CultureInfo.InvariantCulture),
            long.Parse(Get("--documents", "10000000"), CultureInfo.InvariantCulture),
            Get("--scenarios", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// The scenarios <c>--scenarios a,b</c> names (by part of their name), after the first, the baseline, which is always
    /// run: a before/after comparison or a profile of one scenario does not wait for the others.
    /// </summary>
    public (string Name, Func<int, HttpRequestMessage> Request)[] Selected((string Name, Func<int, HttpRequestMessage> Request)[] scenarios) =>
        [scenarios[0], .. scenarios.Skip(1).Where(s => Selects(s.Name))];

    /// <summary>Whether <c>--scenarios</c> names this scenario (all are run when it is not given).</summary>
    public bool Selects(string scenario) =>
        Scenarios.Length == 0 || Scenarios.Any(part => scenario.Contains(part, StringComparison.OrdinalIgnoreCase));
}
