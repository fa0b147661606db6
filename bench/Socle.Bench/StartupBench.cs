using System.Diagnostics;

namespace Socle.Bench;

/// <summary>Time from launching the real host process (default settings, fresh data directory) to a 200 on /health.</summary>
internal static class StartupBench
{
    public static async Task RunAsync(string hostDll)
    {
        var dir = Path.Combine(Path.GetTempPath(), "socle-startup-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var first = await TimeToHealthyAsync(hostDll, dir, 18_081);
            var second = await TimeToHealthyAsync(hostDll, dir, 18_082);
            var third = await TimeToHealthyAsync(hostDll, dir, 18_083);
            Console.WriteLine($"Host: {hostDll}");
            Console.WriteLine($"Start-up to healthy (default seed, SQLite): first start {first.TotalSeconds:0.00} s (creates the schema, seeds 10,000 identities and the 3,000-professional directory), next starts {second.TotalSeconds:0.00} s and {third.TotalSeconds:0.00} s");
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<TimeSpan> TimeToHealthyAsync(string hostDll, string dataDir, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dataDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDir })
        {
            start.ArgumentList.Add(a);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                    if (response.IsSuccessStatusCode)
                    {
                        return watch.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(10);
            }

            throw new TimeoutException("The host did not become healthy within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
