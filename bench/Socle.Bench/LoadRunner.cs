using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Socle.Bench;

/// <summary>Closed-loop load: N workers each send a request as soon as the previous one answers, for a fixed time.</summary>
internal static class LoadRunner
{
    private const int WarmupSeconds = 10;

    /// <param name="observe">Sees each answer (worker index, body): a scenario whose next request depends on the last answer.</param>
    /// <param name="beforeMeasuring">Runs between the warm-up and the measured seconds (see the other overload).</param>
    public static Task<LoadResult> RunAsync(
        string name, HttpClient http, int concurrency, int seconds, Func<int, HttpRequestMessage> request, Action<int, string>? observe = null, Func<int, int, Task>? beforeMeasuring = null) =>
        RunAsync(name, concurrency, seconds, beforeMeasuring, i =>
        {
            var message = request(i);
            return async () =>
            {
                using (message)
                {
                    using var response = await http.SendAsync(message);
                    await response.Content.LoadIntoBufferAsync();
                    observe?.Invoke(i % concurrency, await response.Content.ReadAsStringAsync());
                    return response.IsSuccessStatusCode;
                }
            };
        });

    /// <summary>
    /// Any operation under closed-loop load: request <c>i</c> goes to worker <c>i % concurrency</c>, which prepares it
    /// (not timed: building the request) then runs it (timed); the run answers whether it succeeded.
    /// </summary>
    public static Task<LoadResult> RunAsync(string name, int concurrency, int seconds, Func<int, Func<Task<bool>>> prepare) =>
        RunAsync(name, concurrency, seconds, null, prepare);

    /// <param name="beforeMeasuring">
    /// Runs once the warm-up is over and before the measured seconds, with the index of the first measured request and
    /// the number of requests the warm-up's rate predicts for them: a scenario whose requests are costly to build builds
    /// them there, so that the load generator does not take the server's CPU while it is measured.
    /// </param>
    public static async Task<LoadResult> RunAsync(string name, int concurrency, int seconds, Func<int, int, Task>? beforeMeasuring, Func<int, Func<Task<bool>>> prepare)
    {
        // Steady state, not start-up (measured on its own): over the first seconds of load the runtime still moves hot
        // code to its optimised tier. After 2 s of warm-up a practitioner search measured p50 6.0 ms, and 3.7 ms in the
        // same process a minute later; after 10 s both passes agree.
        var warmup = await RunWorkersAsync(concurrency, TimeSpan.FromSeconds(WarmupSeconds), 0, prepare);

        // The measured requests follow the warm-up's (worker w still sends the requests i with i % concurrency == w):
        // none of them replays a request whose rows the warm-up brought into a cache.
        var first = warmup.Max(w => w.Latencies.Count) * concurrency;
        if (beforeMeasuring is not null)
        {
            await beforeMeasuring(first, (int)((long)warmup.Sum(w => w.Latencies.Count) * seconds / WarmupSeconds));
        }

        // On stderr, for a profiler to attach to the measured seconds only (perf record -p PID -- sleep S).
        Console.Error.WriteLine($"# measuring '{name}' at {concurrency} client(s) for {seconds} s");
        var busy = MachineCpu.BusySeconds();
        var watch = Stopwatch.StartNew();
        var perWorker = await RunWorkersAsync(concurrency, TimeSpan.FromSeconds(seconds), first, prepare);
        var elapsed = watch.Elapsed.TotalSeconds;
        busy = MachineCpu.BusySeconds() - busy;
        var latencies = perWorker.SelectMany(w => w.Latencies).Order().ToArray();
        return new LoadResult(name, latencies.Length, perWorker.Sum(w => w.Errors), elapsed, latencies, busy);
    }

    /// <summary>Runs every scenario at one concurrency and prints the table, each row next to the first (the baseline).</summary>
    public static async Task RunTableAsync(HttpClient http, int concurrency, int seconds, (string Name, Func<int, HttpRequestMessage> Request)[] scenarios)
    {
        var results = new List<LoadResult>();
        foreach (var (name, request) in scenarios)
        {
            results.Add(await RunAsync(name, http, concurrency, seconds, request));
        }

        PrintTable(concurrency, seconds, results);
    }

    /// <summary>The results of one concurrency as a Markdown table, each row next to the first (the baseline).</summary>
    public static void PrintTable(int concurrency, int seconds, IReadOnlyList<LoadResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{concurrency} concurrent client(s), {seconds} s per scenario:");
        Console.WriteLine();
        Console.WriteLine("| Scenario | req/s | p50 ms | p95 ms | p99 ms | CPU µs/req | errors | vs baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var result in results)
        {
            Console.WriteLine(result.Row(result == results[0] ? null : results[0]));
        }
    }

    /// <summary>A client with a bearer token of a newly registered software client of the host.</summary>
    public static async Task<HttpClient> AuthorizedClientAsync(BenchHost host, string organisation, string scopes, int concurrency)
    {
        Socle.Connect.Contracts.RegisteredClient client;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            client = await scope.ServiceProvider.GetRequiredService<Socle.Connect.Contracts.IClientRegistry>()
                .RegisterAsync(new Socle.Connect.Contracts.ClientRegistration("bench", organisation, [scopes]), CancellationToken.None);
        }

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.Address,
        };
        using var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret!,
        }));
        using var token = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }

    private static async Task<List<(List<double> Latencies, long Errors)>> RunWorkersAsync(
        int concurrency, TimeSpan duration, int firstRequest, Func<int, Func<Task<bool>>> prepare)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            long errors = 0;
            var i = firstRequest + w;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var run = prepare(i);
                var start = Stopwatch.GetTimestamp();
                var succeeded = await run();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                i += concurrency;
                if (!succeeded)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToList();
        return (await Task.WhenAll(workers)).ToList();
    }
}
