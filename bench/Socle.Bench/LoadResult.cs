using System.Globalization;

namespace Socle.Bench;

/// <summary>Throughput and latency percentiles of one load run.</summary>
/// <param name="BusyCpuSeconds">The machine's busy CPU time during the run (<see cref="MachineCpu"/>), NaN when not measured.</param>
internal sealed record LoadResult(string Name, long Requests, long Errors, double Seconds, double[] SortedLatenciesMs, double BusyCpuSeconds = double.NaN)
{
    /// <summary>The machine's busy CPU time per request, in microseconds: the client's, the host's and the database's.</summary>
    public double CpuMicrosPerRequest => Requests == 0 ? double.NaN : BusyCpuSeconds * 1e6 / Requests;

    public double Throughput => Requests / Seconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1)];

    public string Row(LoadResult? baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Throughput:0} | {Percentile(50):0.00} | {Percentile(95):0.00} | {Percentile(99):0.00} | {CpuMicrosPerRequest:0} | {Errors} | {(baseline is null ? "baseline" : $"{Throughput / baseline.Throughput:0.00}x rps, {Percentile(99) / baseline.Percentile(99):0.0}x p99")} |");
}
