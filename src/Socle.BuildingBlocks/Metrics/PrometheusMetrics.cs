using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Socle.BuildingBlocks.Metrics;

/// <summary>
/// Collects the instruments of ASP.NET Core hosting and of Socle's own meters, and renders them in the
/// Prometheus text format (no exporter package is on the mirror, see docs/decisions/0005).
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    public const string SocleMeterPrefix = "Socle";
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly string[] HttpTags = ["http.route", "http.request.method", "http.response.status_code"];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> series = new();
    private readonly ConcurrentDictionary<string, InstrumentInfo> instruments = new();

    public PrometheusMetrics()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith(SocleMeterPrefix, StringComparison.Ordinal)
                || (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration"))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var group in series.GroupBy(s => s.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var info = instruments[group.Key];
            text.Append("# HELP ").Append(group.Key).Append(' ').Append(info.Help).Append('\n');
            text.Append("# TYPE ").Append(group.Key).Append(' ').Append(info.IsHistogram ? "histogram" : "counter").Append('\n');
            foreach (var (key, value) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                value.Write(text, group.Key, key.Labels, info.IsHistogram);
            }
        }

        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var isHistogram = instrument is Histogram<double> or Histogram<long> or Histogram<int>;
        var name = PrometheusName(instrument, isHistogram);
        instruments.TryAdd(name, new InstrumentInfo(isHistogram, instrument.Description ?? instrument.Name));
        var labels = Labels(instrument, tags);
        var entry = series.GetOrAdd((name, labels), _ => new Series(isHistogram ? Buckets.Length : 0));
        entry.Add(value, isHistogram ? Buckets : null);
    }

    private static string Labels(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags)
        {
            var isHttp = instrument.Name == "http.server.request.duration";
            if (isHttp && Array.IndexOf(HttpTags, tag.Key) < 0)
            {
                continue;
            }

            pairs.Add(new(Sanitize(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', pairs.Select(p => $"{p.Key}=\"{Escape(p.Value)}\""));
    }

    private static string PrometheusName(Instrument instrument, bool isHistogram)
    {
        var name = Sanitize(instrument.Name);
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        return isHistogram || name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total";
    }

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed record InstrumentInfo(bool IsHistogram, string Help);

    private sealed class Series(int bucketCount)
    {
        private readonly long[] bucketCounts = new long[bucketCount];
        private readonly Lock gate = new();
        private double sum;
        private long count;

        public void Add(double value, double[]? bounds)
        {
            lock (gate)
            {
                sum += value;
                count++;
                if (bounds is null)
                {
                    return;
                }

                for (var i = 0; i < bounds.Length; i++)
                {
                    if (value <= bounds[i])
                    {
                        bucketCounts[i]++;
                    }
                }
            }
        }

        public void Write(StringBuilder text, string name, string labels, bool isHistogram)
        {
            lock (gate)
            {
                if (!isHistogram)
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').Append(Format(sum)).Append('\n');
                    return;
                }

                var separator = labels.Length == 0 ? string.Empty : ",";
                for (var i = 0; i < Buckets.Length; i++)
                {
                    text.Append(name).Append("_bucket{").Append(labels).Append(separator)
                        .Append("le=\"").Append(Format(Buckets[i])).Append("\"} ").Append(bucketCounts[i]).Append('\n');
                }

                text.Append(name).Append("_bucket{").Append(labels).Append(separator).Append("le=\"+Inf\"} ").Append(count).Append('\n');
                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Format(sum)).Append('\n');
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(count).Append('\n');
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
