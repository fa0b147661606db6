using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Connect;
using Socle.Host.Tests.Infrastructure;
using Socle.Identity.Contracts;

namespace Socle.Host.Tests;

/// <summary>Local identity repositories: RNIV status, INS confidentiality, PDQm, duplicates, merge, PIXm.</summary>
public abstract class LocalIdentityApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    private async Task<SandboxIdentity> PersonAsync(int index) => (await factory.ReferenceIdentitiesAsync(index + 1))[index];

    [Fact]
    public async Task A_patients_token_does_not_reach_the_repository_even_with_the_applications_scopes()
    {
        const string scopes = "openid identity.read";
        async Task<HttpResponseMessage> SearchAsync(string login, string password, string totpSecret)
        {
            var rp = await OidcTestClient.RegisterAsync(factory, scopes: scopes);
            var callback = await rp.LoginAsync(rp.AuthorizeUrl(scope: scopes), login, password, totpSecret);
            var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(OidcTestClient.CallbackParameters(callback)["code"]));
            using var search = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient?family=MARTIN");
            search.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
            return await factory.CreateClient().SendAsync(search);
        }

        await using var scope = OperatorScope.Create(factory);
        var accounts = scope.ServiceProvider.GetRequiredService<Socle.Connect.Contracts.IAccountAdministration>();
        var patient = (await accounts.SandboxPatientsAsync(1, CancellationToken.None))[0];
        var doctor = (await accounts.SandboxProfessionalsAsync(1, "10", CancellationToken.None))[0];

        await (await SearchAsync(patient.Login, patient.Password, patient.TotpSecret)).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "IDENT-0028");
        Assert.Equal(HttpStatusCode.OK, (await SearchAsync(doctor.Login, doctor.Password, doctor.TotpSecret)).StatusCode);
    }

    [Fact]
    public async Task InsiThenDocument_MakesTheIdentityQualified_AndOnlyThenTheInsIsShared()
    {
        var person = await PersonAsync(10);
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync(person);
        Assert.Equal("PROV", (await client.ReadPatientAsync(id)).Status());

        var retrieval = await client.RetrieveInsAsync(person);
        var retrieved = await client.AttachInsAsync(id, retrieval.Value("retrieval-id")!);
        Assert.Equal("RECUP", retrieved.Status());
        Assert.Null(retrieved.Ins());
        Assert.Equal(person.BirthGivenNames, retrieved.Name![0].Extension![0].ValueString);

        var qualified = await client.ValidateIdentityAsync(id, "PA");
        Assert.Equal("QUAL", qualified.Status());
        Assert.Equal(person.Ins, qualified.Ins());
        Assert.Contains("fr-core-patient-ins", qualified.Meta!.Profile![0], StringComparison.Ordinal);
        var mode = qualified.Extension!.Single(e => e.Url!.EndsWith("fr-core-identity-reliability", StringComparison.Ordinal)).Children!.Single(c => c.Url == "validationMode");
        Assert.Equal(("PA", "Passeport"), (mode.ValueCoding!.Code, mode.ValueCoding.Display));
    }

    [Fact]
    public async Task PatientIdentitiesContract_GivesTheInsToOtherModulesOnlyForQualifiedIdentities()
    {
        var person = await PersonAsync(16);
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync(person);
        await client.AttachInsAsync(id, (await client.RetrieveInsAsync(person)).Value("retrieval-id")!);

        await using var scope = factory.Services.CreateAsyncScope();
        var identities = scope.ServiceProvider.GetRequiredService<IPatientIdentities>();
        var retrieved = await identities.FindAsync(Guid.ParseExact(id, "N"), CancellationToken.None);
        Assert.Equal(("RECUP", null, null), (retrieved!.Status, retrieved.Ins, retrieved.InsOid));
        Assert.Empty(await identities.FindQualifiedByInsAsync(person.Ins, CancellationToken.None));

        await client.ValidateIdentityAsync(id, "CN");
        var qualified = await identities.FindAsync(Guid.ParseExact(id, "N"), CancellationToken.None);
        Assert.Equal(("QUAL", person.Ins, person.Oid), (qualified!.Status, qualified.Ins, qualified.InsOid));
        Assert.Equal(id, Assert.Single(await identities.FindQualifiedByInsAsync(person.Ins, CancellationToken.None)).Id.ToString("N"));
    }

    [Fact]
    public async Task DocumentOnly_IsValidated()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync("MARTIN", "CLAIRE", "1990-06-01", "female");
        Assert.Equal("VALI", (await client.ValidateIdentityAsync(id, "CN")).Status());
    }

    [Fact]
    public async Task StrictTraitChange_OfQualifiedIdentity_DropsTheInsiFactAndTheIns()
    {
        var person = await PersonAsync(11);
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync(person);
        await client.QualifyAsync(id, person);

        var changed = SocleTestClient.PatientJson(person.BirthFamilyName, "AUTREPRENOM", person.BirthDate, person.Gender, birthplace: person.Birthplace);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/fhir/Patient/{id}") { Content = new StringContent(changed, System.Text.Encoding.UTF8, FhirJson.MediaType) };
        update.Headers.Add("Prefer", "return=representation");
        var patient = await client.ReadAsync<Patient>(await client.Http.SendAsync(update));

        Assert.Equal("VALI", patient.Status());
        Assert.Null(patient.Ins());
    }

    [Fact]
    public async Task Update_WithAStaleIfMatch_Is412AndChangesNothing()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync("VERSION", "ODILE", "1955-05-05", "female");
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/fhir/Patient/{id}")
        {
            Content = new StringContent(SocleTestClient.PatientJson("VERSION", "AUTRE", "1955-05-05", "female"), System.Text.Encoding.UTF8, FhirJson.MediaType),
        };
        update.Headers.TryAddWithoutValidation("If-Match", "W/\"7\"");
        using var response = await client.Http.SendAsync(update);
        await response.AssertOperationOutcomeAsync(HttpStatusCode.PreconditionFailed, "IDENT-0022");
        var patient = await client.ReadPatientAsync(id);
        Assert.Equal("1", patient.Meta!.VersionId);
        Assert.Equal("ODILE", patient.Name![0].Given![0]);
    }

    [Fact]
    public async Task Search_ByInsFindsOnlyQualifiedIdentities()
    {
        var person = await PersonAsync(12);
        var client = await SocleTestClient.CreateAsync(factory);
        var id = await client.CreatePatientAsync(person);
        await client.AttachInsAsync(id, (await client.RetrieveInsAsync(person)).Value("retrieval-id")!);

        var beforeQualification = await SearchAsync(client, $"identifier=urn:oid:{person.Oid}|{person.Ins}");
        Assert.Empty(beforeQualification.Entry ?? []);

        await client.ValidateIdentityAsync(id, "CN");
        var after = await SearchAsync(client, $"identifier=urn:oid:{person.Oid}|{person.Ins}");
        Assert.Equal(id, Assert.Single(after.Entry!).Resource!.Id);
    }

    [Fact]
    public async Task Search_PdqmParameters_FilterAndPage()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var family = "PAGINATION-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant().Replace('0', 'A').Replace('1', 'B').Replace('2', 'C').Replace('3', 'D').Replace('4', 'E').Replace('5', 'F').Replace('6', 'G').Replace('7', 'H').Replace('8', 'I').Replace('9', 'J');
        for (var i = 0; i < 3; i++)
        {
            await client.CreatePatientAsync(family, i == 0 ? "ALICE" : "BRUNO", $"1985-0{i + 1}-10", i == 0 ? "female" : "male");
        }

        var page1 = await SearchAsync(client, $"family={family.ToLowerInvariant()}&_count=2&_total=accurate");
        Assert.Equal(3, page1.Total);
        Assert.Equal(2, page1.Entry!.Count);
        var next = page1.Link!.Single(l => l.Relation == "next").Url!;
        var page2 = await client.ReadAsync<Bundle>(await client.Http.GetAsync(new Uri(next).PathAndQuery));
        Assert.Single(page2.Entry!);

        Assert.Single((await SearchAsync(client, $"family={family}&given=alice")).Entry!);
        Assert.Equal(2, (await SearchAsync(client, $"family={family}&gender=male")).Entry!.Count);
        Assert.Single((await SearchAsync(client, $"family={family}&birthdate=1985-02-10")).Entry!);
        Assert.Equal(2, (await SearchAsync(client, $"family={family}&birthdate=ge1985-02")).Entry!.Count);
    }

    /// <summary>With a birth date of a month or less, the date leads the search (PatientSearchQueries): the family range still holds.</summary>
    [Fact]
    public async Task Search_ByFamilyAndBirthDate_KeepsTheFamilyPrefixAndTheOrder()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var stem = "DATEFIRST-" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('A' + (c % 26))));
        await client.CreatePatientAsync(stem + "B", "CELINE", "1979-07-07", "female");
        await client.CreatePatientAsync(stem + "A", "CELINE", "1979-07-07", "female");
        await client.CreatePatientAsync("AUTRE" + stem, "CELINE", "1979-07-07", "female");
        await client.CreatePatientAsync(stem + "C", "CELINE", "1979-08-08", "female");

        string[] Families(Bundle bundle) => bundle.Entry!.Select(e => e.Resource is Patient p ? p.Name!.First().Family ?? "?" : "?").ToArray();
        Assert.Equal([stem + "A", stem + "B"], Families(await SearchAsync(client, $"family={stem}&birthdate=1979-07-07")));
        Assert.Equal([stem + "A", stem + "B"], Families(await SearchAsync(client, $"family={stem}&birthdate=1979-07")));
        Assert.Equal([stem + "B"], Families(await SearchAsync(client, $"family={stem}B&given=celine&birthdate=1979-07-07")));
        Assert.Equal([stem + "A", stem + "B", stem + "C"], Families(await SearchAsync(client, $"family={stem}&birthdate=1979")));
    }

    [Fact]
    public async Task Search_ByIdIppPostalCodeAndActive()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var ipp = "S-" + Guid.NewGuid().ToString("N")[..8];
        var kept = await client.CreatePatientAsync("FILTRE", "AGATHE", "1975-05-05", "female", ipp);
        var json = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"FILTRE\",\"given\":[\"AGATHE\",\"MARIE\"]}],"
            + "\"gender\":\"female\",\"birthDate\":\"1975-05-05\",\"address\":[{\"postalCode\":\"13008\"}]}";
        using var created = await client.PostFhirAsync("/fhir/Patient", json);
        var merged = created.Headers.Location!.AbsolutePath.Split('/')[3];
        await client.ReadAsync<Parameters>(await client.PostFhirAsync("/fhir/Patient/$merge", MergeInput(merged, kept)));

        string[] Ids(Bundle bundle) => (bundle.Entry ?? []).Select(e => e.Resource!.Id!).ToArray();
        Assert.Equal([kept], Ids(await SearchAsync(client, $"_id={kept}")));
        Assert.Empty(Ids(await SearchAsync(client, "_id=not-an-id")));
        Assert.Equal([kept], Ids(await SearchAsync(client, $"identifier=urn:oid:1.2.250.1.999.1|{ipp}")));
        Assert.Equal([kept], Ids(await SearchAsync(client, $"identifier={ipp}")));
        Assert.Empty(Ids(await SearchAsync(client, $"identifier=urn:oid:1.2.250.1.999.2|{ipp}")));
        Assert.Equal([merged], Ids(await SearchAsync(client, "family=filtre&address-postalcode=130")));
        Assert.Equal([merged], Ids(await SearchAsync(client, "family=filtre&active=false")));
        Assert.Equal([kept], Ids(await SearchAsync(client, "family=filtre&active=true&_total=accurate")));

        // A given name matches from the start of any of the given names, never from inside one.
        Assert.Equal([merged], Ids(await SearchAsync(client, "family=filtre&given=mar")));
        Assert.Empty(Ids(await SearchAsync(client, "family=filtre&given=arie")));
        Assert.Equal(2, Ids(await SearchAsync(client, "family=filtre&given=aga")).Length);
    }

    [Fact]
    public async Task Search_Family_FindsTheUsedNameToo()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var json = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"NAISSANCE\",\"given\":[\"LINA\"]},"
            + "{\"use\":\"usual\",\"family\":\"Épouse-Usage\",\"given\":[\"Lina\"]}],\"gender\":\"female\",\"birthDate\":\"1981-01-01\"}";
        using var created = await client.PostFhirAsync("/fhir/Patient", json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var byUsedName = await SearchAsync(client, "family=epouse&_total=accurate");
        Assert.Equal(1, byUsedName.Total);
        Assert.Equal("EPOUSE-USAGE", Assert.Single(byUsedName.Entry!).Resource is Patient p ? p.Name!.Single(n => n.Use == "usual").Family : null);
        Assert.Single((await SearchAsync(client, "family=naiss")).Entry!);
    }

    [Theory]
    [InlineData("colour=blue", "SOCLE-0002")]
    [InlineData("birthdate=yesterday", "SOCLE-0003")]
    [InlineData("_count=1000", "SOCLE-0003")]
    [InlineData("gender=x", "SOCLE-0003")]
    public async Task Search_BadParameter_Is400(string query, string code)
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.Http.GetAsync("/fhir/Patient?" + query);
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Read_AnotherOrganisationsPatient_Is404()
    {
        var owner = await SocleTestClient.CreateAsync(factory);
        var stranger = await SocleTestClient.CreateAsync(factory);
        var id = await owner.CreatePatientAsync("SECRET", "ANNE", "1970-01-01", "female");
        using var response = await stranger.Http.GetAsync($"/fhir/Patient/{id}");
        await response.AssertOperationOutcomeAsync(HttpStatusCode.NotFound, "IDENT-0010");

        // The refused attempt is traced against the stranger.
        await using var scope = factory.Services.CreateAsyncScope();
        var trace = await scope.ServiceProvider.GetRequiredService<Socle.Audit.Storage.AuditDbContext>().Entries
            .Where(e => e.ClientId == stranger.ClientId).ToListAsync();
        var refused = Assert.Single(trace);
        Assert.Equal(("identity.ReadPatient", id, "Denied", "IDENT-0010"), (refused.Action, refused.ResourceId, refused.Outcome, refused.Detail));
    }

    public static TheoryData<string, HttpStatusCode, string> BadPatients => new()
    {
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.213.1.4.10\",\"value\":\"277076322082910\"}]}", HttpStatusCode.UnprocessableEntity, "IDENT-0008" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"INS-NIR-TEST\"}]},\"system\":\"urn:oid:1.2.250.1.213.1.4.8\",\"value\":\"277076322082910\"}]}", HttpStatusCode.BadRequest, "IDENT-0002" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.213.1.4.10\",\"value\":\"277076322082999\"}]}", HttpStatusCode.BadRequest, "IDENT-0001" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"extension\":[{\"url\":\"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability\",\"extension\":[{\"url\":\"identityStatus\",\"valueCoding\":{\"code\":\"QUAL\"}}]}]}", HttpStatusCode.BadRequest, "IDENT-0007" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUP" + new string('O', 120) + "NT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\"}", HttpStatusCode.BadRequest, "IDENT-0003" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUP#NT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\"}", HttpStatusCode.BadRequest, "IDENT-0003" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"2999-01-01\"}", HttpStatusCode.BadRequest, "IDENT-0004" },
        { "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"DUPONT\",\"given\":[\"JEAN\"]}],\"gender\":\"male\",\"birthDate\":\"1980-01-01\",\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/patient-birthPlace\",\"valueAddress\":{\"district\":\"00123\"}}]}", HttpStatusCode.BadRequest, "IDENT-0006" },
    };

    [Theory]
    [MemberData(nameof(BadPatients))]
    public async Task Create_BadIdentity_IsRefusedAndNothingIsStored(string json, HttpStatusCode status, string code)
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient", json);
        await response.AssertOperationOutcomeAsync(status, code);
        Assert.Empty((await SearchAsync(client, "family=DUP")).Entry ?? []);
    }

    [Fact]
    public async Task Create_SimilarIdentity_WarnsOfTheDuplicate_AndMatchScoresItWithoutWriting()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var first = await client.CreatePatientAsync("GAUTHIER", "JULIEN", "1975-04-08", "male", birthplace: "69383");
        using var second = await client.PostFhirAsync("/fhir/Patient", SocleTestClient.PatientJson("GAUTIER", "JULIEN", "1975-08-04", "male", birthplace: "69383"));
        var outcome = await client.ReadAsync<OperationOutcome>(second, HttpStatusCode.Created);
        Assert.Contains(outcome.Issue, i => i.Severity == "warning" && i.Diagnostics!.Contains(first, StringComparison.Ordinal));

        var before = (await SearchAsync(client, "family=GAUT&_total=accurate")).Total;
        var match = new Parameters
        {
            Parameter = [new() { Name = "resource", Resource = FhirJson.Parse(SocleTestClient.PatientJson("GAUTHIER", "JULIEN", "1975-04-08", "male", birthplace: "69383")) }],
        };
        var bundle = await client.ReadAsync<Bundle>(await client.PostFhirAsync("/fhir/Patient/$match", match));
        var best = bundle.Entry![0];
        Assert.Equal(first, best.Resource!.Id);
        Assert.True(best.Search!.Score >= 0.97m);
        Assert.Contains(best.Search.Extension!, e => e.ValueCode == "certain");
        Assert.Equal(before, (await SearchAsync(client, "family=GAUT&_total=accurate")).Total);
    }

    [Fact]
    public async Task DuplicateScan_FindsTheLikelyPairsOfTheOrganisationOnly()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var other = await SocleTestClient.CreateAsync(factory);
        var a = await client.CreatePatientAsync("FONTAINE", "MARC", "1966-03-12", "male");
        var b = await client.CreatePatientAsync("FONTENE", "MARC", "1966-03-12", "male");
        await client.CreatePatientAsync("ZIMMER", "LUCIE", "2001-12-24", "female");
        await other.CreatePatientAsync("FONTAINE", "MARC", "1966-03-12", "male");

        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IIdentityDuplicateScan>().ScanAsync(client.Organisation, null, CancellationToken.None);

        Assert.Equal(3, report.IdentitiesScanned);
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), new[] { pair.First.ToString("N"), pair.Second.ToString("N") }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Doubtful_Identity_CannotBeQualified()
    {
        var person = await PersonAsync(13);
        var client = await SocleTestClient.CreateAsync(factory);
        var json = SocleTestClient.PatientJson(person.BirthFamilyName, person.BirthGivenNames.Split(' ')[0], person.BirthDate, person.Gender)
            .Replace("\"resourceType\":\"Patient\",", "\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability\",\"extension\":[{\"url\":\"comment\",\"valueCodeableConcept\":{\"coding\":[{\"code\":\"DOUT\"}]}}]}],", StringComparison.Ordinal);
        using var created = await client.PostFhirAsync("/fhir/Patient", json);
        var id = created.Headers.Location!.AbsolutePath.Split('/')[3];

        using var attach = await client.PostFhirAsync($"/fhir/Patient/{id}/$attach-ins", SocleTestClient.Operation(("retrieval-id", (await client.RetrieveInsAsync(person)).Value("retrieval-id")!)));
        await attach.AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "IDENT-0013");
        Assert.Equal("PROV", (await client.ReadPatientAsync(id)).Status());
    }

    [Fact]
    public async Task AttachIns_RetrievalIdOfAnotherOrganisation_IsRefused()
    {
        var person = await PersonAsync(14);
        var mine = await SocleTestClient.CreateAsync(factory);
        var theirs = await SocleTestClient.CreateAsync(factory);
        var id = await mine.CreatePatientAsync(person);
        var retrievalId = (await theirs.RetrieveInsAsync(person)).Value("retrieval-id")!;
        using var response = await mine.PostFhirAsync($"/fhir/Patient/{id}/$attach-ins", SocleTestClient.Operation(("retrieval-id", retrievalId)));
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "IDENT-0011");
    }

    [Fact]
    public async Task Merge_KeepsTheDuplicateLinked_PublishesTheEvent_AndUnmergeReverses()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var survivor = await client.CreatePatientAsync("LAMBERT", "SOPHIE", "1988-02-02", "female");
        var duplicate = await client.CreatePatientAsync("LAMBERT", "SOFIE", "1988-02-02", "female");

        var result = await client.ReadAsync<Parameters>(await client.PostFhirAsync("/fhir/Patient/$merge", MergeInput(duplicate, survivor)));
        Assert.Equal(survivor, ((Patient)result.All("result").Single().Resource!).Id);
        var merged = await client.ReadPatientAsync(duplicate);
        Assert.False(merged.Active);
        Assert.Equal("replaced-by", merged.Link![0].Type);
        Assert.Equal($"Patient/{survivor}", merged.Link[0].Other!.ReferenceValue);

        var published = await factory.MergeEvents.WaitForAsync(Guid.ParseExact(duplicate, "N"), TimeSpan.FromSeconds(15));
        Assert.Equal(Guid.ParseExact(survivor, "N"), published.TargetPatientId);
        Assert.Equal(client.Organisation, published.Organisation);

        using var again = await client.PostFhirAsync("/fhir/Patient/$merge", MergeInput(duplicate, survivor));
        await again.AssertOperationOutcomeAsync(HttpStatusCode.Conflict, "IDENT-0017");

        var unmerge = new Parameters { Parameter = [new() { Name = "source-patient", ValueReference = new Reference { ReferenceValue = $"Patient/{duplicate}" } }] };
        await client.ReadAsync<Parameters>(await client.PostFhirAsync("/fhir/Patient/$unmerge", unmerge));
        Assert.True((await client.ReadPatientAsync(duplicate)).Active);
    }

    [Fact]
    public async Task Merge_IntoItselfOrAcrossOrganisations_IsRefused()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var other = await SocleTestClient.CreateAsync(factory);
        var mine = await client.CreatePatientAsync("ROBIN", "PAUL", "1960-10-10", "male");
        var theirs = await other.CreatePatientAsync("ROBIN", "PAUL", "1960-10-10", "male");

        using var self = await client.PostFhirAsync("/fhir/Patient/$merge", MergeInput(mine, mine));
        await self.AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "IDENT-0015");
        using var across = await client.PostFhirAsync("/fhir/Patient/$merge", MergeInput(theirs, mine));
        await across.AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "IDENT-0016");
        Assert.True((await other.ReadPatientAsync(theirs)).Active);
    }

    [Fact]
    public async Task Pix_LinksQualifiedIdentitiesOfTwoOrganisationsThroughTheIns()
    {
        var person = await PersonAsync(15);
        var hospital = await SocleTestClient.CreateAsync(factory);
        var clinic = await SocleTestClient.CreateAsync(factory);
        var ippHospital = "H-" + Guid.NewGuid().ToString("N")[..8];
        var ippClinic = "C-" + Guid.NewGuid().ToString("N")[..8];
        var a = await hospital.CreatePatientAsync(person, ippHospital);
        var b = await clinic.CreatePatientAsync(person, ippClinic);
        await hospital.QualifyAsync(a, person);

        var beforeClinicQualifies = await PixAsync(hospital, ippHospital);
        Assert.DoesNotContain(beforeClinicQualifies.All("targetIdentifier"), p => p.ValueIdentifier!.Value == ippClinic);

        await clinic.QualifyAsync(b, person);
        var result = await PixAsync(hospital, ippHospital);
        var identifiers = result.All("targetIdentifier").Select(p => p.ValueIdentifier!.Value).ToList();
        Assert.Contains(ippClinic, identifiers);
        Assert.Contains(person.Ins, identifiers);
        Assert.DoesNotContain(ippHospital, identifiers);
        Assert.Equal($"Patient/{a}", result.All("targetId").Single().ValueReference!.ReferenceValue);

        using var unknown = await hospital.Http.GetAsync("/fhir/Patient/$ihe-pix?sourceIdentifier=urn:oid:1.2.250.1.999.1|nobody");
        await unknown.AssertOperationOutcomeAsync(HttpStatusCode.NotFound, "IDENT-0023");
        using var malformed = await hospital.Http.GetAsync("/fhir/Patient/$ihe-pix?sourceIdentifier=" + ippHospital);
        await malformed.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "SOCLE-0003");
    }

    private static async Task<Parameters> PixAsync(SocleTestClient client, string ipp) =>
        await client.ReadAsync<Parameters>(await client.Http.GetAsync($"/fhir/Patient/$ihe-pix?sourceIdentifier=urn:oid:1.2.250.1.999.1|{ipp}"));

    private static async Task<Bundle> SearchAsync(SocleTestClient client, string query) =>
        await client.ReadAsync<Bundle>(await client.Http.GetAsync("/fhir/Patient?" + query));

    private static Parameters MergeInput(string source, string target) => new()
    {
        Parameter =
        [
            new() { Name = "source-patient", ValueReference = new Reference { ReferenceValue = $"Patient/{source}" } },
            new() { Name = "target-patient", ValueReference = new Reference { ReferenceValue = $"Patient/{target}" } },
        ],
    };
}
