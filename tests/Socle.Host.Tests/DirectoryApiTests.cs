using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Directory.Contracts;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>The directory FHIR API and contract over the sandbox directory seeded at start (no import here).</summary>
public abstract class DirectoryApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    // The generator's first professional: RPPS 1000000000 + check digit.
    private const string FirstRpps = "10000000009";
    private const string FirstIdNat = "8" + FirstRpps;
    private const string IdNatSystem = "urn:oid:1.2.250.1.71.4.2.1";

    [Theory]
    [InlineData("10")]
    [InlineData("21")]
    [InlineData("60")]
    [InlineData("50")]
    [InlineData("40")]
    [InlineData("70")]
    public async Task Seed_HoldsEveryMainProfession(string profession)
    {
        var bundle = await SearchAsync($"/fhir/Practitioner?role={profession}&_total=accurate&_count=1");
        Assert.True(bundle.Total > 0, $"no professional of profession {profession}");
    }

    [Theory]
    [InlineData("CENTRE HOSPITALIER")]
    [InlineData("CLINIQUE")]
    [InlineData("PHARMACIE")]
    [InlineData("CABINET")]
    public async Task Seed_HoldsHospitalsClinicsPharmaciesAndPractices(string name)
    {
        var bundle = await SearchAsync($"/fhir/Organization?name={Uri.EscapeDataString(name)}&_count=1");
        Assert.StartsWith(name, Assert.IsType<Organization>(Assert.Single(bundle.Entry!).Resource).Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://rpps.esante.gouv.fr|" + FirstRpps)]
    [InlineData(IdNatSystem + "|" + FirstIdNat)]
    [InlineData(FirstRpps)]
    public async Task Practitioner_IsFoundByRppsOrIdNat(string identifier)
    {
        var bundle = await SearchAsync($"/fhir/Practitioner?identifier={Uri.EscapeDataString(identifier)}");
        var practitioner = Assert.IsType<Practitioner>(Assert.Single(bundle.Entry!).Resource);
        Assert.Equal(FirstIdNat, practitioner.Id);
        Assert.Contains(practitioner.Identifier!, i => i.System == "https://rpps.esante.gouv.fr" && i.Value == FirstRpps);
        Assert.Contains(practitioner.Qualification!, q => q.Code!.Coding!.Any(c => c.Code == "10"));
    }

    [Fact]
    public async Task Practitioner_RevIncludesItsRoles_AndRolesIncludeTheirPractitionerAndOrganization()
    {
        var bundle = await SearchAsync($"/fhir/Practitioner?_id={FirstIdNat}&_revinclude=PractitionerRole:practitioner");
        var roles = bundle.Entry!.Where(e => e.Search!.Mode == "include").Select(e => Assert.IsType<PractitionerRole>(e.Resource)).ToList();
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.Equal($"Practitioner/{FirstIdNat}", r.Practitioner!.ReferenceValue));

        var withIncludes = await SearchAsync($"/fhir/PractitionerRole?practitioner=Practitioner/{FirstIdNat}&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization");
        var included = withIncludes.Entry!.Where(e => e.Search!.Mode == "include").Select(e => e.Resource!).ToList();
        Assert.Contains(included, r => r is Practitioner p && p.Id == FirstIdNat);
        var organization = roles[0].Organization!.ReferenceValue!;
        Assert.Contains(included, r => r is Organization o && $"Organization/{o.Id}" == organization);
    }

    [Fact]
    public async Task Read_ReturnsEachResource_AndAnUnknownIdIs404()
    {
        var client = await ClientAsync();
        var practitioner = await client.ReadAsync<Practitioner>(await client.Http.GetAsync($"/fhir/Practitioner/{FirstIdNat}"));
        Assert.True(practitioner.Active);
        Assert.Contains("as-practitioner", practitioner.Meta!.Profile![0], StringComparison.Ordinal);
        var roles = await SearchAsync($"/fhir/PractitionerRole?practitioner={FirstIdNat}");
        var role = Assert.IsType<PractitionerRole>(roles.Entry![0].Resource);
        Assert.Equal(role.Id, (await client.ReadAsync<PractitionerRole>(await client.Http.GetAsync($"/fhir/PractitionerRole/{role.Id}"))).Id);
        var organizationId = role.Organization!.ReferenceValue!["Organization/".Length..];
        Assert.Equal(organizationId, (await client.ReadAsync<Organization>(await client.Http.GetAsync($"/fhir/Organization/{organizationId}"))).Id);

        await (await client.Http.GetAsync("/fhir/Practitioner/899999999999")).AssertOperationOutcomeAsync(HttpStatusCode.NotFound, "DIR-0002");
    }

    [Theory]
    [InlineData("family=mart", "MART")]
    [InlineData("family=LÉF", "LEF")]
    [InlineData("name=ma", "MA")]
    [InlineData("given=cél", "CEL")]
    public async Task NameSearches_ArePrefixMatches_WithoutCaseOrAccents(string query, string expectedStart)
    {
        var bundle = await SearchAsync($"/fhir/Practitioner?{query}&_count=50");
        Assert.NotEmpty(bundle.Entry!);
        Assert.All(bundle.Entry!, e =>
        {
            var name = Assert.IsType<Practitioner>(e.Resource).Name![0];
            Assert.True(
                Fold(name.Family!).StartsWith(expectedStart, StringComparison.Ordinal) || Fold(name.Given![0]).StartsWith(expectedStart, StringComparison.Ordinal),
                $"{name.Family} {name.Given![0]} does not start with {expectedStart}");
        });
    }

    [Fact]
    public async Task Paging_FollowsNextAndPreviousLinks_AndTotalOnlyWhenAsked()
    {
        var first = await SearchAsync("/fhir/Practitioner?role=60&_count=5");
        Assert.Null(first.Total);
        Assert.Equal(5, first.Entry!.Count);
        var next = first.Link!.Single(l => l.Relation == "next").Url!;
        Assert.DoesNotContain(first.Link!, l => l.Relation == "previous");
        var second = await SearchAsync(new Uri(next).PathAndQuery);
        Assert.Empty(first.Entry.Select(e => e.Resource!.Id).Intersect(second.Entry!.Select(e => e.Resource!.Id)));
        Assert.Contains(second.Link!, l => l.Relation == "previous");
    }

    [Fact]
    public async Task Organization_IsFoundByCityPostalCodeFinessAndMailbox()
    {
        var byCity = await SearchAsync("/fhir/Organization?address-city=nanc&_count=100");
        Assert.NotEmpty(byCity.Entry!);
        Assert.All(byCity.Entry!, e => Assert.Equal("NANCY", Assert.IsType<Organization>(e.Resource).Address![0].City));
        var byPostalCode = await SearchAsync("/fhir/Organization?address-postalcode=540&_count=100");
        Assert.Equal(byCity.Entry!.Count, byPostalCode.Entry!.Count);

        var hospital = Assert.IsType<Organization>((await SearchAsync("/fhir/Organization?name=centre%20hospitalier&_count=1")).Entry![0].Resource);
        var finess = hospital.Identifier!.First(i => i.Type!.Coding![0].Code == "FINEG").Value!;
        var byFiness = await SearchAsync($"/fhir/Organization?identifier=https://finess.esante.gouv.fr|{finess}");
        Assert.Equal(hospital.Id, Assert.Single(byFiness.Entry!).Resource!.Id);

        var mailbox = hospital.Telecom!.First(t => t.Extension?.Any(x => x.ValueCoding?.Code == "MSSANTE") == true).Value!;
        var byMailbox = await SearchAsync($"/fhir/Organization?mailbox-mss={Uri.EscapeDataString(mailbox.ToUpperInvariant())}");
        Assert.Equal(hospital.Id, Assert.Single(byMailbox.Entry!).Resource!.Id);
    }

    [Fact]
    public async Task LastUpdated_FiltersOnTheVersionDate()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty((await SearchAsync($"/fhir/Practitioner?_lastUpdated=ge{today}&_count=1")).Entry!);
        Assert.Empty((await SearchAsync("/fhir/Practitioner?_lastUpdated=le2000-01-01&_count=1")).Entry!);
    }

    [Theory]
    [InlineData("/fhir/Practitioner?colour=blue")]
    [InlineData("/fhir/Practitioner?_count=many")]
    [InlineData("/fhir/Practitioner?_lastUpdated=yesterday")]
    [InlineData("/fhir/Practitioner?identifier=urn:oid:1.2.3|42")]
    [InlineData("/fhir/Practitioner?role=urn:other|10")]
    [InlineData("/fhir/Practitioner?active=maybe")]
    [InlineData("/fhir/Practitioner?family=%20-%20")]
    [InlineData("/fhir/Practitioner?_revinclude=Patient:link")]
    [InlineData("/fhir/PractitionerRole?_include=PractitionerRole:location")]
    [InlineData("/fhir/PractitionerRole?organization=Patient/1")]
    [InlineData("/fhir/Organization?_total=sometimes")]
    [InlineData("/fhir/Organization?name=a&name=b")]
    public async Task BadSearches_Are400OperationOutcomes(string url)
    {
        var client = await ClientAsync();
        var outcome = await (await client.Http.GetAsync(url)).AssertOperationOutcomeAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(outcome.Issue![0].Diagnostics!);
    }

    [Fact]
    public async Task Directory_NeedsAToken_AndTheDirectoryScope()
    {
        using var anonymous = await factory.CreateClient().GetAsync("/fhir/Practitioner");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var identityOnly = await SocleTestClient.CreateAsync(factory, "identity.read");
        using var forbidden = await identityOnly.Http.GetAsync("/fhir/Organization");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task ReadsAndSearches_AreTracedInTheAuditLog_WithTheCallingClient()
    {
        var client = await ClientAsync();
        await client.ReadAsync<Practitioner>(await client.Http.GetAsync($"/fhir/Practitioner/{FirstIdNat}"));
        await client.ReadAsync<Bundle>(await client.Http.GetAsync("/fhir/Organization?name=clinique&_count=3"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Socle.Audit.Storage.AuditDbContext>();
        var entries = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Entries.Where(e => e.ClientId == client.ClientId).OrderBy(e => e.Sequence));
        Assert.Equal(["directory.read", "directory.search"], entries.Select(e => e.Action));
        Assert.Equal(["Practitioner", "Organization"], entries.Select(e => e.ResourceType));
        Assert.Equal(FirstIdNat, entries[0].ResourceId);
        Assert.Equal("3 matches", entries[1].Detail);
    }

    [Fact]
    public async Task Contract_FindsProfessionalStructureAndMailbox()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
        var byRpps = await directory.FindProfessionalAsync(FirstRpps, CancellationToken.None);
        var byIdNat = await directory.FindProfessionalAsync(FirstIdNat, CancellationToken.None);
        Assert.NotNull(byRpps);
        Assert.Equal(byRpps, byIdNat);
        var activity = byRpps.Activities.First(a => a.Structure is not null);
        Assert.Equal("10", activity.Profession.Code);

        var hospital = Assert.IsType<Organization>((await SearchAsync("/fhir/Organization?name=centre%20hospitalier&_count=1")).Entry![0].Resource);
        var finess = hospital.Identifier!.First(i => i.Type!.Coding![0].Code == "FINEG").Value!;
        var structure = await directory.FindStructureByFinessAsync(finess, CancellationToken.None);
        Assert.Equal(hospital.Id, structure!.TechnicalId);

        var address = hospital.Telecom!.First(t => t.Extension?.Any(x => x.ValueCoding?.Code == "MSSANTE") == true).Value!;
        var mailbox = await directory.ResolveMailboxAsync(address.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal("ORG", mailbox!.Type);
        Assert.Equal(structure.IdNat, mailbox.StructureIdNat);
        Assert.Null(await directory.FindProfessionalAsync("899999999999", CancellationToken.None));
    }

    private static string Fold(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)).ToUpperInvariant();

    private async Task<SocleTestClient> ClientAsync() => await SocleTestClient.CreateAsync(factory, DirectoryScopes.Read);

    private async Task<Bundle> SearchAsync(string url)
    {
        var client = await ClientAsync();
        return await client.ReadAsync<Bundle>(await client.Http.GetAsync(url));
    }
}
