using System.Globalization;

namespace Socle.Bench;

/// <summary>Throughput and latency percentiles of one load run.</summary>
internal sealed record LoadResult(string Name, long Requests, long Errors, double Seconds, double[] SortedLatenciesMs)
{
    public double Throughput => Requests / Seconds;

    public double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length) - 1)];

    public string Row(LoadResult? baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Throughput:0} | {Percentile(50):0.00} | {Percentile(95):0.00} | {Percentile(99):0.00} | {Errors} | {(baseline is null ? "baseline" : $"{Throughput / baseline.Throughput:0.00}x rps, {Percentile(99) / baseline.Percentile(99):0.0}x p99")} |");
}
