using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Directory.Contracts;

namespace Socle.Bench;

/// <summary>
/// The OpenID Connect provider: token issues (client credentials, refresh rotation), userinfo and whole code-flow
/// logins through the real pages, next to the empty authenticated endpoint of the same host.
/// </summary>
internal static partial class ConnectBench
{
    internal const string RedirectUri = "https://rp.example.org/callback";

    public static async Task RunAsync(BenchHost host, BenchOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "socle-bench-directory-" + Guid.NewGuid().ToString("N")[..8]);
        RegisteredClient rp;
        IReadOnlyList<SandboxProfessionalAccount> accounts;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISandboxDirectory>().SeedAsync(600, work, CancellationToken.None);
            rp = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(
                new ClientRegistration("bench rp", "540002698", ["openid scope_all identity.read"]) { GrantTypes = ["authorization_code refresh_token"], RedirectUris = [RedirectUri] },
                CancellationToken.None);
            accounts = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(Math.Max(options.Concurrency, 8) * 4, null, CancellationToken.None);
        }

        System.IO.Directory.Delete(work, recursive: true);
        using var http = await LoadRunner.AuthorizedClientAsync(host, "540002698", "identity.read directory.read", options.Concurrency);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rp.ClientId}:{rp.ClientSecret}"));

        // One login per worker gives the refresh chains and the person token for userinfo.
        var chains = new string[options.Concurrency];
        string personToken = string.Empty;
        for (var i = 0; i < options.Concurrency; i++)
        {
            var tokens = await LoginAsync(host, rp, accounts[i]);
            chains[i] = tokens.GetProperty("refresh_token").GetString()!;
            personToken = tokens.GetProperty("access_token").GetString()!;
        }

        var clientCredentials = await RegisterClientCredentialsAsync(host);
        HttpRequestMessage Token(Dictionary<string, string> form, string authorization)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", authorization);
            return message;
        }

        var results = new List<LoadResult>();
        foreach (var concurrency in new[] { 1, options.Concurrency })
        {
            results.Clear();
            results.Add(await LoadRunner.RunAsync("Empty authenticated endpoint (baseline)", http, concurrency, options.Seconds, _ => new HttpRequestMessage(HttpMethod.Get, "/bench/empty")));
            results.Add(await LoadRunner.RunAsync("Token: client credentials", http, concurrency, options.Seconds, _ => Token(new() { ["grant_type"] = "client_credentials" }, clientCredentials)));
            results.Add(await LoadRunner.RunAsync(
                "Token: refresh (rotation)", http, concurrency, options.Seconds,
                i => Token(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = chains[i % concurrency] }, basic),
                (worker, body) =>
                {
                    if (body.Contains("refresh_token", StringComparison.Ordinal))
                    {
                        chains[worker] = JsonDocument.Parse(body).RootElement.GetProperty("refresh_token").GetString()!;
                    }
                }));
            results.Add(await LoadRunner.RunAsync("Userinfo (person token)", http, concurrency, options.Seconds, _ =>
            {
                var message = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
                message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", personToken);
                return message;
            }));
            LoadRunner.PrintTable(concurrency, options.Seconds, results);
        }

        await FullLoginsAsync(host, rp, accounts.Skip(options.Concurrency).ToList(), options);
    }

    /// <summary>Whole logins (pages, PBKDF2 password check, TOTP, code exchange), each account once per TOTP step.</summary>
    private static async Task FullLoginsAsync(BenchHost host, RegisteredClient rp, List<SandboxProfessionalAccount> accounts, BenchOptions options)
    {
        var next = -1;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var deadline = Stopwatch.GetTimestamp() + (long)(Math.Min(options.Seconds, 25) * Stopwatch.Frequency);
        var busy = MachineCpu.BusySeconds();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Concurrency, 4)).Select(_ => Task.Run(async () =>
        {
            int index;
            while (Stopwatch.GetTimestamp() < deadline && (index = Interlocked.Increment(ref next)) < accounts.Count)
            {
                var start = Stopwatch.GetTimestamp();
                await LoginAsync(host, rp, accounts[index]);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var sorted = latencies.Order().ToArray();
        var result = new LoadResult("Full code-flow login (password + TOTP + code exchange)", sorted.Length, 0, watch.Elapsed.TotalSeconds, sorted, MachineCpu.BusySeconds() - busy);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Full logins, {Math.Min(options.Concurrency, 4)} browsers, distinct accounts (a TOTP code serves once):"));
        Console.WriteLine();
        Console.WriteLine("| Scenario | logins/s | p50 ms | p95 ms | p99 ms | CPU µs/login | errors | note |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(result.Row(null).Replace("| baseline |", "| PBKDF2-SHA256 600,000 iterations per login |", StringComparison.Ordinal));
    }

    private static async Task<string> RegisterClientCredentialsAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(new ClientRegistration("bench cc", "540002698", ["identity.read"]), CancellationToken.None);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.ClientSecret}"));
    }

    /// <summary>A whole code-flow login of a professional through the real pages; answers the token response.</summary>
    internal static async Task<JsonElement> LoginAsync(BenchHost host, RegisteredClient rp, SandboxProfessionalAccount account, string scope = "openid scope_all identity.read")
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = host.Address };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = rp.ClientId, ["redirect_uri"] = RedirectUri, ["scope"] = scope, ["state"] = "s",
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), ["code_challenge_method"] = "S256",
        });
        var page = await FollowAsync(browser, authorize);
        page = await SubmitAsync(browser, page, new() { ["Login"] = account.Login, ["Password"] = account.Password });
        page = await SubmitAsync(browser, page, new() { ["Code"] = Totp.Code(Base32.Decode(account.TotpSecret)!, Totp.StepAt(DateTimeOffset.UtcNow)) });
        if (page.RequestMessage!.RequestUri!.AbsolutePath == "/connect/activity")
        {
            var id = ActivityRadio().Match(await page.Content.ReadAsStringAsync()).Groups["id"].Value;
            page = await SubmitAsync(browser, page, new() { ["ActivityId"] = WebUtility.HtmlDecode(id) });
        }

        var code = QueryHelpers.ParseQuery(page.Headers.Location!.Query)["code"].ToString();
        using var tokens = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
            ["client_id"] = rp.ClientId, ["client_secret"] = rp.ClientSecret!,
        }));
        return JsonDocument.Parse(await tokens.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> FollowAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        while (response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.ToString().StartsWith(RedirectUri, StringComparison.Ordinal))
        {
            response = await browser.GetAsync(response.Headers.Location);
        }

        return response;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, HttpResponseMessage page, Dictionary<string, string> fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = NameAttribute().Match(input.Value).Groups["v"].Value;
            fields.TryAdd(WebUtility.HtmlDecode(name), WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups["v"].Value));
        }

        var response = await browser.PostAsync(page.RequestMessage!.RequestUri!.PathAndQuery, new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.ToString().StartsWith(RedirectUri, StringComparison.Ordinal)
            ? await FollowAsync(browser, response.Headers.Location.ToString())
            : response;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>|<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("\\sname=\"(?<v>[^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("\\svalue=\"(?<v>[^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("name=\"ActivityId\" value=\"(?<id>[^\"]+)\"")]
    private static partial Regex ActivityRadio();
}
