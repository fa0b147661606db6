using System.Net;
using System.Text;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Record;

/// <summary>
/// ITI-67, ITI-66 and trace searches of a record with documents, by its author (in the care team) and by its patient,
/// with parameters and values drawn from a fixed seed: known and unknown names, malformed and extreme dates, tokens with
/// and without systems, LIKE wildcards, control characters, long values. Each is answered without a server error, and
/// the seed reaches both answers and refusals on every path.
/// </summary>
public abstract class SearchFuzzTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    private const int SearchesPerCaller = 500;

    private static readonly string[] Paths = ["/fhir/DocumentReference", "/fhir/List", "/fhir/AuditEvent"];

    private static readonly string[] Names =
        ["status", "type", "category", "date", "period", "author.identifier", "setting", "facility", "event", "_count", "_offset", "code", "_before", "patient", "unknown"];

    [Fact]
    public async Task Random_searches_get_an_answer_or_a_client_error()
    {
        var actors = new RecordActors(factory);
        var doctor = (await actors.DoctorsAsync(1))[0];
        var author = await actors.ProfessionalAsync(doctor);
        var (patient, ins) = await actors.PatientAsync(0);
        for (var i = 0; i < 3; i++)
        {
            var bundle = CdaDocuments.Bundle(ins, doctor.IdNat, CdaDocuments.DischargeLetter(ins, doctor.IdNat));
            Assert.Equal(HttpStatusCode.OK, (await author.PostAsync("/fhir", FhirContent.Of(bundle))).StatusCode);
        }

        var authorisation = new Parameters { Parameter = [new ParametersParameter { Name = "patient-identifier", ValueIdentifier = new Identifier { System = "urn:oid:1.2.250.1.213.1.4.10", Value = ins } }] };
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync("/fhir/$add-authorisation", FhirContent.Of(authorisation))).StatusCode);
        string[] values =
        [
            string.Empty, "x", "%", "|", "||", "a|b|c", "current", "superseded", "entered-in-error", "ge2026", "le2026-11-20T13:30:00Z", "2026-02-30", "ap2026",
            "gt", "lt-1", "9999", "9999-12-31T23:59:59.9999999Z", "0001", "2026-11-20T10:00:00+25:00", "0", "-1", "99999999999", "submissionset",
            "http://loinc.org|11490-0", "urn:oid:1.2.250.1.213.1.1.4.1|10", "\u0000", "\t", "é", new string('A', 3000), "Patient/x", "E_1", doctor.IdNat,
        ];
        var random = new Random(20261123);
        var answers = new HashSet<string>();
        foreach (var caller in new[] { author, patient })
        {
            for (var i = 0; i < SearchesPerCaller; i++)
            {
                var query = new StringBuilder("patient.identifier=").Append(Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|" + ins));
                for (var n = random.Next(4); n > 0; n--)
                {
                    query.Append('&').Append(Names[random.Next(Names.Length)]).Append('=').Append(Uri.EscapeDataString(values[random.Next(values.Length)]));
                }

                var path = Paths[random.Next(Paths.Length)];
                using var response = await caller.GetAsync($"{path}?{query}");
                Assert.True((int)response.StatusCode < 500, $"{path}?{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                answers.Add($"{path} {(int)response.StatusCode / 100}xx");
            }
        }

        Assert.All(Paths, path => Assert.Superset(new HashSet<string> { $"{path} 2xx", $"{path} 4xx" }, answers));
    }
}
