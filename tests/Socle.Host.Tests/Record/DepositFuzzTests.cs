using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Record;

/// <summary>
/// ITI-65 deposits of valid bundles broken at random, from a fixed seed so that a failure replays: values of the wrong
/// type or out of range, elements removed, entries repeated, dropped or moved, CDA documents cut or spliced. Each one is
/// answered without a server error, and exactly the documents of the accepted bundles are stored.
/// </summary>
public abstract class DepositFuzzTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    private const int Bundles = 400;

    private static readonly Func<JsonNode?>[] Values =
    [
        () => null, () => JsonValue.Create(string.Empty), () => JsonValue.Create(0), () => JsonValue.Create(-1), () => JsonValue.Create(1e308),
        () => JsonValue.Create(true), () => new JsonArray(), () => new JsonObject(), () => JsonValue.Create(new string('x', 5000)),
        () => JsonValue.Create("\u0000"), () => JsonValue.Create("2026-02-30"), () => JsonValue.Create("urn:uuid:x"), () => JsonValue.Create("#author"),
        () => JsonValue.Create("DocumentReference/zz"), () => JsonValue.Create(12345678901234567890m),
    ];

    [Fact]
    public async Task Broken_bundles_get_a_client_error_and_store_nothing()
    {
        var actors = new RecordActors(factory);
        var doctor = (await actors.DoctorsAsync(1))[0];
        var client = await actors.ProfessionalAsync(doctor);
        var ins = (await actors.PatientAccountsAsync(1))[0].Ins;
        var random = new Random(20261123);
        var answers = new Dictionary<string, int>();
        var accepted = 0;
        for (var i = 0; i < Bundles; i++)
        {
            var body = Broken(random, CdaDocuments.Bundle(ins, doctor.IdNat, Cda(random, ins, doctor.IdNat)));
            using var response = await client.PostAsync("/fhir", FhirContent.Of(body));
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} {answer}\nfor {body[..Math.Min(body.Length, 2000)]}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted += FhirJson.ParseAs<Bundle>(answer).Entry!.Count(e => e.Response!.Location!.StartsWith("DocumentReference/", StringComparison.Ordinal));
            }
            else
            {
                var code = (await response.AssertOperationOutcomeAsync(response.StatusCode)).Issue![0].Details!.Coding![0].Code!;
                answers[code] = answers.GetValueOrDefault(code) + 1;
            }
        }

        // The seed breaks bundles in many ways: the record's own checks refuse some, not only the JSON reader.
        Assert.InRange(accepted, 1, Bundles - 1);
        Assert.True(answers.Keys.Count(code => code.StartsWith("RECORD-", StringComparison.Ordinal)) >= 4, string.Join(", ", answers));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(accepted, await scope.ServiceProvider.GetRequiredService<Socle.Record.Storage.RecordDbContext>().Documents.CountAsync());
    }

    private static byte[] Cda(Random random, string ins, string idNat)
    {
        var cda = random.Next(3) == 0 ? CdaDocuments.LabReport(ins, idNat) : CdaDocuments.DischargeLetter(ins, idNat);
        if (random.Next(4) != 0)
        {
            return cda;
        }

        var text = Encoding.UTF8.GetString(cda);
        var at = random.Next(text.Length);
        text = random.Next(3) switch
        {
            0 => text[..at],
            1 => text.Remove(at, Math.Min(20, text.Length - at)),
            _ => text.Insert(at, random.Next(2) == 0 ? "<x>" : "&amp;&#0;\u00ff"),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Broken(Random random, Bundle bundle)
    {
        var root = JsonNode.Parse(FhirJson.SerializeToString(bundle))!;
        var places = new List<(JsonNode Parent, object Key)>();
        Collect(root, places);
        for (var changes = random.Next(4); changes > 0; changes--)
        {
            var (parent, key) = places[random.Next(places.Count)];
            if (parent is JsonObject o && random.Next(5) == 0)
            {
                o.Remove((string)key);
            }
            else if (parent is JsonObject obj)
            {
                obj[(string)key] = Values[random.Next(Values.Length)]();
            }
            else if (parent is JsonArray array && (int)key < array.Count)
            {
                array[(int)key] = Values[random.Next(Values.Length)]();
            }
        }

        if (random.Next(4) == 0 && root["entry"] is JsonArray { Count: > 0 } entries)
        {
            var pick = random.Next(entries.Count);
            var entry = entries[pick]!.DeepClone();
            switch (random.Next(3))
            {
                case 0:
                    entries.Add(entry);
                    break;
                case 1:
                    entries.RemoveAt(pick);
                    break;
                default:
                    entries.RemoveAt(pick);
                    entries.Insert(0, entry);
                    break;
            }
        }

        return root.ToJsonString();
    }

    /// <summary>Every property and array item except the base64 content, which the CDA changes break instead.</summary>
    private static void Collect(JsonNode node, List<(JsonNode, object)> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.Where(p => p.Key != "data").ToList())
                {
                    places.Add((o, name));
                    if (value is not null)
                    {
                        Collect(value, places);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    places.Add((a, i));
                    if (a[i] is { } item)
                    {
                        Collect(item, places);
                    }
                }

                break;
        }
    }
}
