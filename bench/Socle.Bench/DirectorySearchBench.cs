using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Contracts;
using Socle.Directory.Storage;

namespace Socle.Bench;

/// <summary>
/// FHIR searches of the directory over a snapshot imported beforehand (bench/directory.sh imports it with the CLI),
/// next to the empty authenticated endpoint of the same host.
/// </summary>
internal static class DirectorySearchBench
{
    public static async Task RunAsync(BenchHost host, BenchOptions options)
    {
        List<(string Family, string? Identifier)> persons;
        List<string> cities;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var count = await db.Persons.CountAsync(x => x.ValidTo == null);
            var step = Math.Max(1, count / 5_000);

            // Every step-th current professional: a spread sample, not the first names of the index.
            persons = (await db.Persons.Where(x => x.ValidTo == null && x.Id % step == 0).Select(x => new { x.FamilyKey, x.Identifier }).Take(5_000).ToListAsync())
                .Select(x => (x.FamilyKey ?? "A", x.Identifier)).ToList();
            cities = await db.Structures.Where(x => x.ValidTo == null && x.CityKey != null).Select(x => x.CityKey!).Distinct().ToListAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Directory: {count:N0} current professionals, {cities.Count} cities"));
        }

        RegisteredClient client;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            client = await scope.ServiceProvider.GetRequiredService<IClientRegistry>()
                .RegisterAsync(new ClientRegistration("bench", "540002698", ["identity.read directory.read"]), CancellationToken.None);
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.Address,
        };
        using (var tokenResponse = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        })))
        {
            using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        }

        var prefixes = persons.Select(p => $"/fhir/Practitioner?family={Uri.EscapeDataString(p.Family[..Math.Min(4, p.Family.Length)])}&_count=20").ToArray();
        var identifiers = persons.Where(p => p.Identifier is not null).Select(p => $"/fhir/Practitioner?identifier=https://rpps.esante.gouv.fr|{p.Identifier}").ToArray();
        var byCity = cities.Select(c => $"/fhir/Organization?address-city={Uri.EscapeDataString(c)}&_count=20").ToArray();
        (string Name, Func<int, HttpRequestMessage> Request)[] scenarios =
        [
            ("Empty authenticated endpoint (baseline)", _ => new HttpRequestMessage(HttpMethod.Get, "/bench/empty")),
            ("Practitioner family prefix (4 letters), 20 per page", i => new HttpRequestMessage(HttpMethod.Get, prefixes[i % prefixes.Length])),
            ("Practitioner by RPPS identifier", i => new HttpRequestMessage(HttpMethod.Get, identifiers[i % identifiers.Length])),
            ("Organization by city, 20 per page", i => new HttpRequestMessage(HttpMethod.Get, byCity[i % byCity.Length])),
        ];

        foreach (var (concurrency, seconds) in new[] { (1, options.Seconds), (options.Concurrency, options.Seconds) })
        {
            var results = new List<LoadResult>();
            foreach (var (name, request) in scenarios)
            {
                results.Add(await LoadRunner.RunAsync(name, http, concurrency, seconds, request));
            }

            Console.WriteLine();
            Console.WriteLine($"{concurrency} concurrent client(s), {seconds} s per scenario:");
            Console.WriteLine();
            Console.WriteLine("| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors | vs baseline |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var result in results)
            {
                Console.WriteLine(result.Row(result == results[0] ? null : results[0]));
            }
        }
    }
}
