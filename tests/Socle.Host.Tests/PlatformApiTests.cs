using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>Operational endpoints, authentication, token service and error format.</summary>
public abstract class PlatformApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task Health_StorageAnswers_Is200()
    {
        using var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_ListsExactlyTheImplementedPatientCapabilities()
    {
        using var response = await factory.CreateClient().GetAsync("/fhir/metadata");
        var statement = FhirJson.ParseAs<CapabilityStatement>(await response.Content.ReadAsStringAsync());
        var patient = Assert.Single(statement.Rest![0].Resource!, r => r.Type == "Patient");
        Assert.Equal(
            ["attach-ins", "ihe-pix", "ins-retrieve", "ins-verify", "match", "merge", "unmerge", "validate-identity"],
            patient.Operation!.Select(o => o.Name!).Order(StringComparer.Ordinal));
        Assert.Equal("4.0.1", statement.FhirVersion);
        Assert.Equal(["transaction"], statement.Rest[0].Interaction!.Select(i => i.Code!));
        Assert.Equal(["add-authorisation", "break-the-glass", "record-settings"], statement.Rest[0].Operation!.Select(o => o.Name!));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/fhir/Patient/$ins-retrieve", json, StringComparison.Ordinal);
        Assert.Contains("/connect/token", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CountRequestsPerRouteAndInsiCallsPerResult()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        await client.RetrieveInsAsync("NOBODY", "NOONE", "1950-01-01", "male");
        var text = await factory.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/fhir/Patient/$ins-retrieve\"", text, StringComparison.Ordinal);
        Assert.Contains("socle_identity_insi_requests_total{operation=\"retrieve\",result=\"01\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ClientSecretBasicAndPost_BothIssueAnEs256TokenWithOrganisationAndScopes()
    {
        var client = await SocleTestClient.CreateAsync(factory, "identity.read");
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));
        using var response = await factory.CreateClient().SendAsync(basic);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());

        var parts = token.Split('.');
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(client.Organisation, claims.RootElement.GetProperty("organisation").GetString());
        Assert.Equal("identity.read", claims.RootElement.GetProperty("scope").GetString());
        Assert.Equal(client.ClientId, claims.RootElement.GetProperty("client_id").GetString());

        var jwks = await factory.CreateClient().GetStringAsync("/connect/jwks");
        Assert.Contains(header.RootElement.GetProperty("kid").GetString()!, jwks, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", jwks, StringComparison.Ordinal);
        Assert.NotEmpty(await client.RequestTokenAsync());
    }

    [Theory]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret=wrong", 401, "invalid_client")]
    [InlineData("grant_type=password&client_id={id}&client_secret={secret}", 400, "unsupported_grant_type")]
    [InlineData("grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=identity.write", 400, "invalid_scope")]
    [InlineData("client_id={id}&client_secret={secret}", 400, "invalid_request")]
    public async Task Token_BadRequest_GetsTheOAuthError(string form, int status, string error)
    {
        var client = await SocleTestClient.CreateAsync(factory, "identity.read");
        var body = form.Replace("{id}", client.ClientId, StringComparison.Ordinal).Replace("{secret}", client.Secret, StringComparison.Ordinal);
        using var response = await factory.CreateClient().PostAsync("/connect/token", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/connect/introspect")]
    [InlineData("/connect/revoke")]
    public async Task OAuthEndpoint_FormOverTheReadersLimits_GetsInvalidRequest(string endpoint)
    {
        // A field name over the form reader's 2 KiB: refused by the reader, answered in OAuth's format, not as a 500.
        var body = $"grant_type=client_credentials&{new string('k', 3000)}=1";
        using var response = await factory.CreateClient().PostAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
        Assert.Contains("key length limit", json.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_FormOverTheReadersLimits_ShowsTheErrorPage()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/connect/authorize", new StringContent($"{new string('k', 3000)}=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connect/error?reason=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_WithoutToken_Is401WithChallengeAndOperationOutcome()
    {
        using var response = await factory.CreateClient().GetAsync("/fhir/Patient");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await response.AssertOperationOutcomeAsync(HttpStatusCode.Unauthorized, "SOCLE-0005");
    }

    [Fact]
    public async Task PersonalData_TokenWithoutTheScope_Is403()
    {
        var client = await SocleTestClient.CreateAsync(factory, "identity.ins");
        using var response = await client.Http.GetAsync("/fhir/Patient");
        await response.AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "SOCLE-0006");
    }

    [Fact]
    public async Task PersonalData_TamperedToken_Is401()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var token = client.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = token.Split('.');
        var claims = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))).Replace(client.Organisation, "540002698", StringComparison.Ordinal);
        var forged = parts[0] + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Errors_OutsideFhir_AreProblemJson()
    {
        using var response = await factory.CreateClient().GetAsync("/no/such/thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SOCLE-0007", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Body_OverOneMebibyte_Is413()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var huge = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"family\",\"valueString\":\"" + new string('A', 1_100_000) + "\"}]}";
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", huge);
        await response.AssertOperationOutcomeAsync(HttpStatusCode.RequestEntityTooLarge, "SOCLE-0004");
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Parameters\",", "SOCLE-0001")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"family\",\"valueStrin\":\"X\"}]}", "SOCLE-0001")]
    [InlineData("{\"resourceType\":\"Patient\"}", "SOCLE-0001")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"colour\",\"valueString\":\"X\"}]}", "SOCLE-0002")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"family\",\"valueBoolean\":\"yes\"}]}", "SOCLE-0001")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"family\",\"valueString\":\"X\"},null]}", "SOCLE-0001")]
    [InlineData("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":{\"resourceType\":\"Patient\",\"name\":[null]}}]}", "SOCLE-0001")]
    public async Task Body_Malformed_Is400SayingWhatIsWrong(string json, string code)
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", json);
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Body_WithANullArrayItem_Is400NamingTheElement()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", "{\"resourceType\":\"Parameters\",\"parameter\":[null,{\"name\":\"family\",\"valueString\":\"X\"}]}");
        var outcome = await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "SOCLE-0001");
        Assert.Equal("A FHIR array holds no null items: 'parameter' has one. ($.parameter)", outcome.Issue![0].Diagnostics);
    }

    [Fact]
    public async Task ControlCharacters_InASearch_ABody_OrAnOAuthForm_Are400()
    {
        // PostgreSQL refuses NUL in text: without these checks at the edges it was a 500 there.
        var client = await SocleTestClient.CreateAsync(factory, "identity.read identity.ins");
        await (await client.Http.GetAsync("/fhir/Patient?family=A%00B")).AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "SOCLE-0003");
        using var body = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"family\",\"valueString\":\"A\\u0000B\"}]}");
        var outcome = await body.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "SOCLE-0001");
        Assert.StartsWith("A FHIR string holds no control characters but tab, CR and LF: 'valueString'", outcome.Issue![0].Diagnostics, StringComparison.Ordinal);
        using var token = await factory.CreateClient().PostAsync("/connect/token", new StringContent("grant_type=client_credentials&client_id=%00&client_secret=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }

    private static byte[] Base64Url(string value) => Convert.FromBase64String(Pad(value));
}
