using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.BuildingBlocks.Identifiers;
using Socle.Connect.Contracts;
using Socle.Identity.Contracts;

namespace Socle.Host.Tests.Infrastructure;

/// <summary>A registered software client of one organisation, with intent methods over the HTTP API.</summary>
public sealed class SocleTestClient
{
    public const string AllIdentityScopes = "identity.ins identity.read identity.write";

    private SocleTestClient(HttpClient http, string organisation, string clientId, string secret)
    {
        Http = http;
        Organisation = organisation;
        ClientId = clientId;
        Secret = secret;
    }

    public HttpClient Http { get; }

    public string Organisation { get; }

    public string ClientId { get; }

    public string Secret { get; }

    public static async Task<SocleTestClient> CreateAsync(SocleApiFactory factory, string scopes = AllIdentityScopes, string? organisation = null)
    {
        organisation ??= NewFiness();
        await using var scope = factory.Services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<IClientRegistry>()
            .RegisterAsync(new ClientRegistration("test client", organisation, [scopes]), CancellationToken.None);
        var http = factory.CreateClient();
        var client = new SocleTestClient(http, organisation, registered.ClientId, registered.ClientSecret!);
        var token = await client.RequestTokenAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string NewFiness()
    {
        var body = string.Concat(Enumerable.Range(0, 8).Select(i => i == 0 ? (char)('1' + Random.Shared.Next(9)) : (char)('0' + Random.Shared.Next(10))));
        return body + Luhn.CheckDigit(body);
    }

    public async Task<string> RequestTokenAsync(string? scope = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId,
                ["client_secret"] = Secret,
            }.Concat(scope is null ? [] : new Dictionary<string, string> { ["scope"] = scope })),
        };
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> PostFhirAsync(string path, string json, string? prefer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = FhirContent.Of(json) };
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFhirAsync(string path, FhirResource resource, string? prefer = null) =>
        PostFhirAsync(path, FhirJson.SerializeToString(resource), prefer);

    public async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : FhirResource
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return FhirJson.ParseAs<T>(body);
    }

    public async Task<Parameters> RetrieveInsAsync(string family, string given, string birthDate, string gender, string? birthplace = null) =>
        await ReadAsync<Parameters>(await PostFhirAsync("/fhir/Patient/$ins-retrieve", InsiTraits(family, given, birthDate, gender, birthplace)));

    /// <summary>The INSi traits input ($ins-retrieve, and $ins-verify with the ins parameter added).</summary>
    public static Parameters InsiTraits(string family, string given, string birthDate, string gender, string? birthplace = null)
    {
        var parameters = new List<ParametersParameter>
        {
            new() { Name = "family", ValueString = family },
            new() { Name = "given", ValueString = given },
            new() { Name = "birthdate", ValueDate = birthDate },
            new() { Name = "gender", ValueCode = gender },
        };
        if (birthplace is not null)
        {
            parameters.Add(new ParametersParameter { Name = "birthplace", ValueCode = birthplace });
        }

        return new Parameters { Parameter = parameters };
    }

    public Task<Parameters> RetrieveInsAsync(SandboxIdentity person, bool withBirthplace = false) =>
        RetrieveInsAsync(person.BirthFamilyName, person.BirthGivenNames, person.BirthDate, person.Gender, withBirthplace ? person.Birthplace : null);

    /// <summary>Creates a local identity from the person's traits; returns its id.</summary>
    public async Task<string> CreatePatientAsync(string family, string given, string birthDate, string gender, string? ipp = null, string? birthplace = null)
    {
        using var response = await PostFhirAsync("/fhir/Patient", PatientJson(family, given, birthDate, gender, ipp, birthplace));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return response.Headers.Location!.AbsolutePath.Split('/')[3];
    }

    public Task<string> CreatePatientAsync(SandboxIdentity person, string? ipp = null) =>
        CreatePatientAsync(person.BirthFamilyName, person.BirthGivenNames.Split(' ')[0], person.BirthDate, person.Gender, ipp, person.Birthplace);

    public async Task<Patient> ReadPatientAsync(string id) => await ReadAsync<Patient>(await Http.GetAsync($"/fhir/Patient/{id}"));

    /// <summary>INSi retrieval, attachment, then a check on an identity card: the identity becomes QUAL.</summary>
    public async Task<Patient> QualifyAsync(string id, SandboxIdentity person)
    {
        var retrieval = await RetrieveInsAsync(person, withBirthplace: true);
        Assert.Equal("00", retrieval.Value("result-code"));
        await AttachInsAsync(id, retrieval.Value("retrieval-id")!);
        return await ValidateIdentityAsync(id, "CN");
    }

    public async Task<Patient> AttachInsAsync(string id, string retrievalId) =>
        await ReadAsync<Patient>(await PostFhirAsync($"/fhir/Patient/{id}/$attach-ins", Operation(("retrieval-id", retrievalId))));

    public async Task<Patient> ValidateIdentityAsync(string id, string documentType) =>
        await ReadAsync<Patient>(await PostFhirAsync($"/fhir/Patient/{id}/$validate-identity", Operation(("document-type", documentType))));

    public static string PatientJson(string family, string given, string birthDate, string gender, string? ipp = null, string? birthplace = null)
    {
        var patient = new Patient
        {
            Name = [new HumanName { Use = "official", Family = family, Given = [given] }],
            BirthDate = birthDate,
            Gender = gender,
            Identifier = ipp is null ? null : [new Identifier { System = "urn:oid:1.2.250.1.999.1", Value = ipp }],
            Extension = birthplace is null ? null :
            [
                new Extension { Url = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace", ValueAddress = new Address { District = birthplace } },
            ],
        };
        return FhirJson.SerializeToString(patient);
    }

    public static Parameters Operation(params (string Name, string Value)[] values) =>
        new() { Parameter = values.Select(v => new ParametersParameter { Name = v.Name, ValueString = v.Value }).ToList() };
}
