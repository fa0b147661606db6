using System.Diagnostics;

namespace Socle.Bench;

/// <summary>Closed-loop load: N workers each send a request as soon as the previous one answers, for a fixed time.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, int concurrency, int seconds, Func<int, HttpRequestMessage> request)
    {
        await RunWorkersAsync(http, concurrency, TimeSpan.FromSeconds(2), request);
        var watch = Stopwatch.StartNew();
        var perWorker = await RunWorkersAsync(http, concurrency, TimeSpan.FromSeconds(seconds), request);
        var elapsed = watch.Elapsed.TotalSeconds;
        var latencies = perWorker.SelectMany(w => w.Latencies).Order().ToArray();
        return new LoadResult(name, latencies.Length, perWorker.Sum(w => w.Errors), elapsed, latencies);
    }

    private static async Task<List<(List<double> Latencies, long Errors)>> RunWorkersAsync(
        HttpClient http, int concurrency, TimeSpan duration, Func<int, HttpRequestMessage> request)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            long errors = 0;
            var i = w;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var message = request(i);
                i += concurrency;
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.LoadIntoBufferAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToList();
        return (await Task.WhenAll(workers)).ToList();
    }
}
