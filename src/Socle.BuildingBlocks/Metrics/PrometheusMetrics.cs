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
                l.EnableMeasurementEvents(instrument, new InstrumentState(instrument));
            }
        };
        listener.SetMeasurementEventCallback<long>((_, v, tags, state) => Record(v, tags, state));
        listener.SetMeasurementEventCallback<int>((_, v, tags, state) => Record(v, tags, state));
        listener.SetMeasurementEventCallback<double>((_, v, tags, state) => Record(v, tags, state));
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

    /// <summary>
    /// Called on every measurement (each HTTP request): the instrument's name and kind are worked out once, and a series
    /// is found by its tag values without building its label text, which is only done for a new combination.
    /// </summary>
    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var known = (InstrumentState)state!;
        if (!TagKey.TryCreate(known.IsHttp, tags, out var key))
        {
            Resolve(known, tags).Add(value);
            return;
        }

        if (!known.SeriesByTags.TryGetValue(key, out var entry))
        {
            entry = known.SeriesByTags.GetOrAdd(key, Resolve(known, tags));
        }

        entry.Add(value);
    }

    private Series Resolve(InstrumentState known, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        instruments.TryAdd(known.Name, known.Info);
        return series.GetOrAdd((known.Name, Labels(known.IsHttp, tags)), _ => new Series(known.Info.IsHistogram ? Buckets : null));
    }

    private static string Labels(bool isHttp, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags)
        {
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

    private sealed class InstrumentState
    {
        public InstrumentState(Instrument instrument)
        {
            var isHistogram = instrument is Histogram<double> or Histogram<long> or Histogram<int>;
            Info = new InstrumentInfo(isHistogram, instrument.Description ?? instrument.Name);
            Name = PrometheusName(instrument, isHistogram);
            IsHttp = instrument.Name == "http.server.request.duration";
        }

        public InstrumentInfo Info { get; }

        public string Name { get; }

        public bool IsHttp { get; }

        public ConcurrentDictionary<TagKey, Series> SeriesByTags { get; } = new();
    }

    /// <summary>Up to four kept tags of a measurement, compared by key and value; more tags take the slow path.</summary>
    private readonly record struct TagKey(
        string? Key0, object? Value0, string? Key1, object? Value1, string? Key2, object? Value2, string? Key3, object? Value3)
    {
        public static bool TryCreate(bool isHttp, ReadOnlySpan<KeyValuePair<string, object?>> tags, out TagKey key)
        {
            key = default;
            var kept = 0;
            foreach (var tag in tags)
            {
                if (isHttp && Array.IndexOf(HttpTags, tag.Key) < 0)
                {
                    continue;
                }

                switch (kept++)
                {
                    case 0: key = key with { Key0 = tag.Key, Value0 = tag.Value }; break;
                    case 1: key = key with { Key1 = tag.Key, Value1 = tag.Value }; break;
                    case 2: key = key with { Key2 = tag.Key, Value2 = tag.Value }; break;
                    case 3: key = key with { Key3 = tag.Key, Value3 = tag.Value }; break;
                    default: return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// One time series. Requests add to it concurrently without a lock: one counter per bucket (the last one above the
    /// highest bound), made cumulative when rendered, so that the +Inf bucket and the count of a scrape always agree.
    /// </summary>
    private sealed class Series(double[]? bounds)
    {
        private readonly long[] perBucket = new long[(bounds?.Length ?? 0) + 1];
        private long sumBits;

        public void Add(double value)
        {
            var slot = bounds is null ? 0 : Slot(bounds, value);
            Interlocked.Increment(ref perBucket[slot]);
            long seen;
            do
            {
                seen = Interlocked.Read(ref sumBits);
            }
            while (Interlocked.CompareExchange(ref sumBits, BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + value), seen) != seen);
        }

        public void Write(StringBuilder text, string name, string labels, bool isHistogram)
        {
            var sum = BitConverter.Int64BitsToDouble(Interlocked.Read(ref sumBits));
            if (!isHistogram)
            {
                text.Append(name).Append(Braces(labels)).Append(' ').Append(Format(sum)).Append('\n');
                return;
            }

            var separator = labels.Length == 0 ? string.Empty : ",";
            long cumulative = 0;
            for (var i = 0; i < Buckets.Length; i++)
            {
                cumulative += Interlocked.Read(ref perBucket[i]);
                text.Append(name).Append("_bucket{").Append(labels).Append(separator)
                    .Append("le=\"").Append(Format(Buckets[i])).Append("\"} ").Append(cumulative).Append('\n');
            }

            cumulative += Interlocked.Read(ref perBucket[Buckets.Length]);
            text.Append(name).Append("_bucket{").Append(labels).Append(separator).Append("le=\"+Inf\"} ").Append(cumulative).Append('\n');
            text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Format(sum)).Append('\n');
            text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(cumulative).Append('\n');
        }

        private static int Slot(double[] bounds, double value)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    return i;
                }
            }

            return bounds.Length;
        }

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
