using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

        using var http = await LoadRunner.AuthorizedClientAsync(host, "540002698", "identity.read directory.read", options.Concurrency);
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

        scenarios = options.Selected(scenarios);
        await LoadRunner.RunTableAsync(http, 1, options.Seconds, scenarios);
        await LoadRunner.RunTableAsync(http, options.Concurrency, options.Seconds, scenarios);
    }
}
