using System.Text.Json;
using Microsoft.Data.Sqlite;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>The socle command, run as a process on the host's own data directory.</summary>
public sealed class CliTests(DataDirectoryApiFactory factory) : IClassFixture<DataDirectoryApiFactory>
{
    [Fact]
    public async Task ClientsAdd_PrintsCredentialsThatObtainAToken()
    {
        _ = factory.Server;
        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "clients", "add", "--name", "vendor", "--organisation", "540002698", "--scopes", "identity.ins identity.read");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var id = json.RootElement.GetProperty("client_id").GetString()!;
        var secret = json.RootElement.GetProperty("client_secret").GetString()!;

        var http = factory.CreateClient();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("540002699", "identity.read", "CONN-0001")]
    [InlineData("540002698", "identity.fly", "CONN-0002")]
    public async Task ClientsAdd_BadInput_ExitsNonZeroSayingWhy(string finess, string scopes, string code)
    {
        _ = factory.Server;
        var (exit, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "clients", "add", "--name", "x", "--organisation", finess, "--scopes", scopes);
        Assert.NotEqual(0, exit);
        Assert.Contains(code, stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.Trim());
    }

    [Fact]
    public async Task RecordRepresentative_RefusesAnInsWithoutAQualifiedIdentity()
    {
        _ = factory.Server;
        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "record", "representative", "--minor", "299129999999912", "--representative", "199129999999934");
        Assert.NotEqual(0, code);
        Assert.Contains("RECORD-0010", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.Trim());
    }

    [Fact]
    public async Task SandboxIdentities_PrintsTheDocumentedFields_AndHomonymsShareTheirTraits()
    {
        _ = factory.Server;
        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "sandbox", "identities", "--count", "3");
        Assert.True(code == 0, stderr);
        var items = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            Assert.Equal(
                ["birthDate", "birthFamilyName", "birthGivenNames", "birthplace", "gender", "ins", "oid"],
                item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(JsonValueKind.String, item.GetProperty("ins").ValueKind);
        }

        var (_, homonymsOut, _) = await SocleCli.RunAsync(factory.DataDirectory, "sandbox", "identities", "--count", "4", "--homonyms");
        var homonyms = JsonDocument.Parse(homonymsOut).RootElement.EnumerateArray()
            .Select(e => (Family: e.GetProperty("birthFamilyName").GetString(), Date: e.GetProperty("birthDate").GetString())).ToList();
        Assert.Contains(homonyms.GroupBy(h => h), g => g.Count() > 1);
    }

    [Fact]
    public async Task SandboxSeed_GrowsThePopulation_AndIsIdempotent()
    {
        _ = factory.Server;
        var target = (SocleApiFactory.SandboxPopulation + 500).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "sandbox", "seed", "--identities", target);
        Assert.True(code == 0, stderr);
        Assert.Contains($"{target} identities (500 added", stdout, StringComparison.Ordinal);
        var (_, again, _) = await SocleCli.RunAsync(factory.DataDirectory, "sandbox", "seed", "--identities", target);
        Assert.Contains("(0 added", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reverify_DowngradesAnIdentityTheReferenceNoLongerConfirms_AndAuditVerifyStaysGreen()
    {
        var people = await factory.ReferenceIdentitiesAsync(2);
        var client = await SocleTestClient.CreateAsync(factory);
        var kept = await client.CreatePatientAsync(people[0]);
        var corrected = await client.CreatePatientAsync(people[1]);
        await client.QualifyAsync(kept, people[0]);
        await client.QualifyAsync(corrected, people[1]);

        // The national base corrects a birth name: the local identity no longer matches it.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "socle.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE identity_reference_identities SET \"BirthFamilyName\" = 'CORRIGE', \"FamilyKey\" = 'CORRIGE' WHERE \"Nir\" = $nir";
            command.Parameters.AddWithValue("$nir", people[1].Ins);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "identity", "reverify", "--organisation", client.Organisation);
        Assert.True(code == 0, stderr);
        Assert.Contains("2 identities checked, 1 confirmed, 1 downgraded", stdout, StringComparison.Ordinal);
        Assert.Single(System.IO.Directory.GetFiles(Path.Combine(factory.DataDirectory, "reports"), $"reverify-{client.Organisation}-*.json"));
        Assert.Equal("VALI", (await client.ReadPatientAsync(corrected)).Status());
        Assert.Equal("QUAL", (await client.ReadPatientAsync(kept)).Status());

        var (auditCode, auditOut, _) = await SocleCli.RunAsync(factory.DataDirectory, "audit", "verify");
        Assert.Equal(0, auditCode);
        Assert.Contains("Audit log intact", auditOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryGenerateThenImport_PublishesTheSnapshotTheHostServes_AndAWrongFileIsRefused()
    {
        _ = factory.Server;
        var output = Path.Combine(factory.DataDirectory, "extracts");
        var (code, stdout, stderr) = await SocleCli.RunAsync(factory.DataDirectory, "directory", "generate", "--persons", "500", "--out", output);
        Assert.True(code == 0, stderr);
        var files = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, files.Length);
        Assert.All(files, f => Assert.True(File.Exists(f), f));

        var (importCode, report, importErr) = await SocleCli.RunAsync(factory.DataDirectory, ["directory", "import", .. files]);
        Assert.True(importCode == 0, importErr);
        Assert.Matches(@"Directory snapshot \d+ published", report);
        Assert.Matches(@"persons\s+added\s+\d+\s+changed\s+\d+\s+removed\s+\d+\s+unchanged\s+\d+", report);
        Assert.Contains("Rows read: ", report, StringComparison.Ordinal);
        Assert.Single(System.IO.Directory.GetFiles(Path.Combine(factory.DataDirectory, "reports"), "directory-import-*.json"));

        var client = await SocleTestClient.CreateAsync(factory, "directory.read");
        var bundle = await client.ReadAsync<BuildingBlocks.Fhir.Model.Bundle>(await client.Http.GetAsync("/fhir/Practitioner?_total=accurate&_count=0"));
        Assert.Equal(500, bundle.Total);

        var (refusedCode, refused, _) = await SocleCli.RunAsync(factory.DataDirectory, "directory", "import", Path.Combine(factory.DataDirectory, "socle.db"));
        Assert.Equal(3, refusedCode);
        Assert.Contains("Import refused, the previous snapshot stays", refused, StringComparison.Ordinal);
    }
}
