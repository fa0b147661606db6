using System.Text;
using Socle.BuildingBlocks.Errors;
using Socle.Record.Cda;

namespace Socle.Record.Tests;

public sealed class CdaHeaderReaderTests
{
    private const string Header = """
        <ClinicalDocument xmlns="urn:hl7-org:v3">
          <code code="11490-0" codeSystem="2.16.840.1.113883.6.1"/>
          <effectiveTime value="20261120143000+0100"/>
          <recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="1840575123456"/></patientRole></recordTarget>
          <author><assignedAuthor><id root="1.2.250.1.71.4.2.1" extension="810000000001"/></assignedAuthor></author>
          <documentationOf><serviceEvent><effectiveTime><low value="20261118"/><high value="20261120"/></effectiveTime></serviceEvent></documentationOf>
          <component><nonXMLBody><text mediaType="application/pdf" representation="B64">JVBERi0=</text></nonXMLBody></component>
        </ClinicalDocument>
        """;

    [Fact]
    public void A_level_1_header_is_read()
    {
        var header = CdaHeaderReader.Read(Encoding.UTF8.GetBytes(Header));
        Assert.Equal("11490-0", header.TypeCode);
        Assert.Equal(("1.2.250.1.213.1.4.8", "1840575123456"), header.PatientIds.Single());
        Assert.Equal(["810000000001"], header.AuthorIds);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.FromHours(1)), header.EffectiveTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), header.ServiceStart);
        Assert.False(header.Structured);
        Assert.Equal("application/pdf", header.BodyMediaType);
    }

    [Fact]
    public void A_level_3_body_is_recognised_with_the_header_after_it_read_too()
    {
        var header = CdaHeaderReader.Read(Encoding.UTF8.GetBytes("""
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <component><structuredBody><component><section><text>Résultats <b>normaux</b></text></section></component></structuredBody></component>
              <code code="11502-2"/>
            </ClinicalDocument>
            """));
        Assert.True(header.Structured);
        Assert.Null(header.BodyMediaType);
        Assert.Equal("11502-2", header.TypeCode);
    }

    [Theory]
    [InlineData("<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "RECORD-0006")]
    [InlineData("<!DOCTYPE ClinicalDocument SYSTEM \"http://example.org/cda.dtd\">", "RECORD-0006")]
    [InlineData("<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "RECORD-0006")]
    public void A_DTD_or_an_entity_is_refused_before_anything_is_read(string prolog, string code)
    {
        var ex = Assert.Throws<DomainException>(() => CdaHeaderReader.Read(Encoding.UTF8.GetBytes(prolog + Header)));
        Assert.Equal(code, ex.Error.Code);
    }

    [Theory]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"1\"/>")]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"/>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><effectiveTime value=\"2026-11-20\"/><component><structuredBody/></component></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11490-0\"/></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11490-0\"/><component><nonXMLBody><text mediaType=\"application/pdf\">JVBE</txt></nonXMLBody></component></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11490-0\"/><component><structuredBody><section>a & b</section></structuredBody></component></ClinicalDocument>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11490-0\"/><component><structuredBody/></component></ClinicalDocument><ClinicalDocument/>")]
    [InlineData("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11490-0\"/><component><nonXMLBody><text mediaType=\"application/pdf\">JVBE")]
    public void Malformed_or_foreign_documents_are_refused(string xml)
    {
        var ex = Assert.Throws<DomainException>(() => CdaHeaderReader.Read(Encoding.UTF8.GetBytes(xml)));
        Assert.Equal("RECORD-0007", ex.Error.Code);
    }
}
