using System.Net;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>The INSi teleservice: $ins-retrieve and $ins-verify over the seeded synthetic population.</summary>
public abstract class InsiApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task Retrieve_ExactTraitsWrittenLoosely_Is00WithTheInsAndARetrievalId()
    {
        var person = (await factory.ReferenceIdentitiesAsync(1))[0];
        var client = await SocleTestClient.CreateAsync(factory);

        var result = await client.RetrieveInsAsync(person.BirthFamilyName.ToLowerInvariant(), "  " + person.BirthGivenNames.Split(' ')[0].ToLowerInvariant(), person.BirthDate, person.Gender);

        Assert.Equal("00", result.Value("result-code"));
        var patient = Assert.IsType<Patient>(result.All("patient").Single().Resource);
        Assert.Equal(person.Ins, patient.Ins());
        Assert.Equal("urn:oid:1.2.250.1.213.1.4.10", patient.Identifier![0].System);
        Assert.Equal(person.BirthGivenNames, patient.Name![0].Extension![0].ValueString);
        Assert.NotNull(result.Value("retrieval-id"));
    }

    [Fact]
    public async Task Retrieve_AccentsAndApostrophesDifferently_StillMatches()
    {
        var person = (await factory.ReferenceIdentitiesAsync(SocleApiFactory.SandboxPopulation)).First(p => p.BirthFamilyName.Contains('\'', StringComparison.Ordinal) || p.BirthFamilyName.Contains('-', StringComparison.Ordinal));
        var client = await SocleTestClient.CreateAsync(factory);
        var written = person.BirthFamilyName.Replace('\'', '’').Replace('-', ' ');
        var result = await client.RetrieveInsAsync(written, person.BirthGivenNames, person.BirthDate, person.Gender);
        Assert.Equal("00", result.Value("result-code"));
    }

    [Fact]
    public async Task Retrieve_NoSuchPerson_Is01()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var result = await client.RetrieveInsAsync("ZZYZX", "NOBODY", "1961-03-03", "female");
        Assert.Equal("01", result.Value("result-code"));
        Assert.Empty(result.All("patient"));
    }

    [Fact]
    public async Task Retrieve_NearNameIsNotFuzzyMatched()
    {
        var person = (await factory.ReferenceIdentitiesAsync(1))[0];
        var client = await SocleTestClient.CreateAsync(factory);
        var result = await client.RetrieveInsAsync(person.BirthFamilyName + "E", person.BirthGivenNames, person.BirthDate, person.Gender);
        Assert.Equal("01", result.Value("result-code"));
    }

    [Fact]
    public async Task Retrieve_Homonyms_Is02ThenBirthplaceOrAllGivenNamesDisambiguate()
    {
        var homonyms = await factory.ReferenceIdentitiesAsync(2, homonyms: true);
        var person = homonyms[0];
        var client = await SocleTestClient.CreateAsync(factory);
        var first = person.BirthGivenNames.Split(' ')[0];

        var ambiguous = await client.RetrieveInsAsync(person.BirthFamilyName, first, person.BirthDate, person.Gender);
        Assert.Equal("02", ambiguous.Value("result-code"));

        var withPlace = await client.RetrieveInsAsync(person.BirthFamilyName, first, person.BirthDate, person.Gender, person.Birthplace);
        var withNames = await client.RetrieveInsAsync(person.BirthFamilyName, person.BirthGivenNames, person.BirthDate, person.Gender);
        Assert.Equal("00", withPlace.Value("result-code"));
        Assert.Equal(person.Ins, ((Patient)withPlace.All("patient").Single().Resource!).Ins());
        Assert.Contains(withNames.Value("result-code"), new[] { "00", "02" });
    }

    [Fact]
    public async Task Retrieve_VitaleCard_Is00()
    {
        var person = (await factory.ReferenceIdentitiesAsync(3))[2];
        var client = await SocleTestClient.CreateAsync(factory);
        var input = new Parameters
        {
            Parameter =
            [
                new ParametersParameter
                {
                    Name = "vitale-card",
                    Part = [new() { Name = "nir", ValueString = person.Ins }, new() { Name = "birthdate", ValueDate = person.BirthDate }],
                },
            ],
        };
        var result = await client.ReadAsync<Parameters>(await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", input));
        Assert.Equal("00", result.Value("result-code"));
    }

    [Theory]
    [InlineData("DUPONT", "JEAN", "2999-01-01", "male", null, "IDENT-0004")]
    [InlineData("DUPONT", "JEAN", "1980-02-30", "male", null, "IDENT-0004")]
    [InlineData("DUP0NT", "JEAN", "1980-01-01", "male", null, "IDENT-0003")]
    [InlineData("DUPONT", "JEAN", "1980-01-01", "unknown", null, "IDENT-0005")]
    [InlineData("DUPONT", "JEAN", "1980-01-01", "male", "96001", "IDENT-0006")]
    [InlineData("DUPONT", "JEAN", "1980-01-01", "male", "00000", "IDENT-0006")]
    public async Task Retrieve_BadTrait_Is400NamingTheTrait(string family, string given, string birthDate, string gender, string? birthplace, string code)
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", SocleTestClient.InsiTraits(family, given, birthDate, gender, birthplace));
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Retrieve_MissingTrait_Is400()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-retrieve", SocleTestClient.Operation(("family", "DUPONT"), ("given", "JEAN")));
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "IDENT-0025");
    }

    [Fact]
    public async Task Verify_MatchingTraits_IsTrue_AndEachDifferingTraitIsNamed()
    {
        var person = (await factory.ReferenceIdentitiesAsync(4))[3];
        var client = await SocleTestClient.CreateAsync(factory);

        var ok = await VerifyAsync(client, $"urn:oid:{person.Oid}", person.Ins, person.BirthFamilyName, person.BirthGivenNames, person.BirthDate, person.Gender);
        Assert.Equal("True", ok.Value("result"));
        Assert.Empty(ok.All("mismatch"));

        var otherGender = person.Gender == "male" ? "female" : "male";
        var bad = await VerifyAsync(client, $"urn:oid:{person.Oid}", person.Ins, "AUTRENOM", person.BirthGivenNames, person.BirthDate, otherGender);
        Assert.Equal("False", bad.Value("result"));
        Assert.Equal(["family", "gender"], bad.All("mismatch").Select(m => m.ValueString!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Verify_InsUnknownToTheReference_IsFalseWithMismatchIns()
    {
        var client = await SocleTestClient.CreateAsync(factory);
        var result = await VerifyAsync(client, "urn:oid:1.2.250.1.213.1.4.10", "277076322082910", "DUPONT", "JEANNE", "1977-07-22", "female");
        Assert.Equal("False", result.Value("result"));
        Assert.Equal("ins", Assert.Single(result.All("mismatch")).ValueString);
    }

    [Theory]
    [InlineData("urn:oid:1.2.250.1.213.1.4.10", "277076322082911", "IDENT-0001")]
    [InlineData("urn:oid:1.2.250.1.213.1.4.10", "377076322082910", "IDENT-0001")]
    [InlineData("urn:oid:1.2.250.1.213.1.4.99", "277076322082910", "IDENT-0002")]
    [InlineData("http://example.org/nir", "277076322082910", "IDENT-0002")]
    public async Task Verify_BadIns_Is400(string system, string value, string code)
    {
        var client = await SocleTestClient.CreateAsync(factory);
        using var response = await client.PostFhirAsync("/fhir/Patient/$ins-verify", VerifyInput(system, value, "DUPONT", "JEAN", "1977-07-22", "female"));
        await response.AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, code);
    }

    private static async Task<Parameters> VerifyAsync(SocleTestClient client, string system, string value, string family, string given, string birthDate, string gender) =>
        await client.ReadAsync<Parameters>(await client.PostFhirAsync("/fhir/Patient/$ins-verify", VerifyInput(system, value, family, given, birthDate, gender)));

    private static Parameters VerifyInput(string system, string value, string family, string given, string birthDate, string gender)
    {
        var input = SocleTestClient.InsiTraits(family, given, birthDate, gender);
        input.Parameter!.Insert(0, new ParametersParameter { Name = "ins", ValueIdentifier = new Identifier { System = system, Value = value } });
        return input;
    }
}
