using System.Diagnostics.Metrics;
using Socle.BuildingBlocks.Metrics;

namespace Socle.Host.Tests.Metrics;

/// <summary>The Prometheus rendering of Socle's meters: counters, cumulative histogram buckets, series by tag values.</summary>
public sealed class PrometheusMetricsTests : IDisposable
{
    private readonly PrometheusMetrics metrics = new();
    private readonly Meter meter = new($"{PrometheusMetrics.SocleMeterPrefix}.Tests.{Guid.NewGuid():N}");

    [Fact]
    public void A_histogram_has_cumulative_buckets_whose_top_equals_the_count()
    {
        var histogram = meter.CreateHistogram<double>("test.duration", "s", "How long the test took");
        foreach (var value in new[] { 0.0004, 0.003, 0.003, 0.2, 30.0 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("step", "a"));
        }

        var text = metrics.Render();
        Assert.Contains("# TYPE test_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"0.0005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"0.0025\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"0.005\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"0.25\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"10\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{step=\"a\",le=\"+Inf\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_count{step=\"a\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_sum{step=\"a\"} 30.2064\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_in_any_order_are_one_series_and_other_values_another()
    {
        var counter = meter.CreateCounter<long>("test.calls");
        counter.Add(1, new("result", "00"), new("operation", "retrieve"));
        counter.Add(2, new("operation", "retrieve"), new("result", "00"));
        counter.Add(5, new("operation", "retrieve"), new("result", "01"));

        var text = metrics.Render();
        Assert.Contains("test_calls_total{operation=\"retrieve\",result=\"00\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_calls_total{operation=\"retrieve\",result=\"01\"} 5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_measurements_are_all_counted()
    {
        var counter = meter.CreateCounter<long>("test.concurrent");
        var histogram = meter.CreateHistogram<double>("test.concurrent.duration", "s");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add(1);
                histogram.Record(1.0);
            }
        })));

        var text = metrics.Render();
        Assert.Contains("test_concurrent_total 80000\n", text, StringComparison.Ordinal);
        Assert.Contains("test_concurrent_duration_seconds_count 80000\n", text, StringComparison.Ordinal);
        Assert.Contains("test_concurrent_duration_seconds_sum 80000\n", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        meter.Dispose();
        metrics.Dispose();
    }
}
