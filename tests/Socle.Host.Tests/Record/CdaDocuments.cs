using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.Host.Tests.Record;

/// <summary>CI-SIS-shaped CDA R2 documents and the MHD bundles that carry them, built for the tests.</summary>
public static class CdaDocuments
{
    public static readonly DateTimeOffset Created = new(2026, 11, 20, 14, 30, 0, TimeSpan.FromHours(1));

    /// <summary>A level 1 discharge letter (LDL-SES, 11490-0) with a PDF body, padded with PDF comment lines to about <paramref name="pdfBytes"/>.</summary>
    public static byte[] DischargeLetter(string ins, string authorIdNat, string? prolog = null, int pdfBytes = 0)
    {
        const string MinimalPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        const string CommentLine = "% compte rendu de sejour, page de texte\n";
        var padding = Math.Max(0, pdfBytes - MinimalPdf.Length);
        var comments = new StringBuilder().Insert(0, CommentLine, (padding / CommentLine.Length) + 1).ToString(0, padding);
        var pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes(MinimalPdf.Insert("%PDF-1.4\n".Length, comments)));
        return Document(prolog, ins, authorIdNat, "11490-0", "Lettre de liaison à la sortie", $"""
              <component><nonXMLBody><text mediaType="application/pdf" representation="B64">{pdf}</text></nonXMLBody></component>
            """);
    }

    /// <summary>A level 1 operative report (34874-8) with a plain-text body.</summary>
    public static byte[] OperativeReport(string ins, string authorIdNat) =>
        Document(null, ins, authorIdNat, "34874-8", "Compte rendu opératoire", """
              <component><nonXMLBody><text mediaType="text/plain">Cholécystectomie par cœlioscopie, sans incident.</text></nonXMLBody></component>
            """);

    /// <summary>A level 3 lab report (11502-2) with a structured body: one section, one coded result.</summary>
    public static byte[] LabReport(string ins, string authorIdNat) =>
        Document(null, ins, authorIdNat, "11502-2", "Compte rendu d'examens de biologie médicale", """
              <component><structuredBody><component><section>
                <templateId root="1.3.6.1.4.1.19376.1.3.3.2.1"/>
                <code code="18719-5" codeSystem="2.16.840.1.113883.6.1" displayName="Chimie"/>
                <title>Biochimie</title>
                <text><table><tbody><tr><td>Glucose</td><td>5,1 mmol/L</td></tr></tbody></table></text>
                <entry><act classCode="ACT" moodCode="EVN"><entryRelationship typeCode="COMP"><observation classCode="OBS" moodCode="EVN">
                  <code code="14749-6" codeSystem="2.16.840.1.113883.6.1" displayName="Glucose"/>
                  <statusCode code="completed"/>
                  <value xsi:type="PQ" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" value="5.1" unit="mmol/L"/>
                </observation></entryRelationship></act></entry>
              </section></component></structuredBody></component>
            """);

    private static byte[] Document(string? prolog, string ins, string authorIdNat, string type, string title, string body) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        {prolog}<ClinicalDocument xmlns="urn:hl7-org:v3">
          <realmCode code="FR"/>
          <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
          <templateId root="2.16.840.1.113883.2.8.2.1" extension="CI-SIS_ENTETE_V1"/>
          <id root="1.2.250.1.213.1.1.9" extension="{Guid.NewGuid():N}"/>
          <code code="{type}" codeSystem="2.16.840.1.113883.6.1" displayName="{title}"/>
          <title>{title}</title>
          <effectiveTime value="{Created.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}+0100"/>
          <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
          <languageCode code="fr-FR"/>
          <recordTarget><patientRole>
            <id root="1.2.250.1.213.1.4.10" extension="{ins}"/>
            <patient><name><family qualifier="BR">TEST</family></name></patient>
          </patientRole></recordTarget>
          <author><time value="20261120143000+0100"/><assignedAuthor><id root="1.2.250.1.71.4.2.1" extension="{authorIdNat}"/></assignedAuthor></author>
          <custodian><assignedCustodian><representedCustodianOrganization><id root="1.2.250.1.71.4.2.2" extension="1540002698"/></representedCustodianOrganization></assignedCustodian></custodian>
          <documentationOf><serviceEvent><effectiveTime><low value="20261118"/><high value="20261120"/></effectiveTime></serviceEvent></documentationOf>
        {body}
        </ClinicalDocument>
        """);

    /// <summary>An ITI-65 bundle: SubmissionSet List, one DocumentReference, its Binary.</summary>
    public static Bundle Bundle(string ins, string authorIdNat, byte[] cda, string type = "11490-0", string classCode = "10", string format = "urn:ihe:iti:xds-sd:pdf:2008",
        string? uniqueId = null, string? replaces = null, Action<DocumentReference>? tweak = null)
    {
        var subject = new Reference { Identifier = new Identifier { System = "urn:oid:1.2.250.1.213.1.4.10", Value = ins } };
        var document = new DocumentReference
        {
            MasterIdentifier = new Identifier { System = "urn:ietf:rfc:3986", Value = uniqueId ?? $"urn:oid:1.2.250.1.213.1.1.9.{Random.Shared.NextInt64(1, long.MaxValue)}" },
            Status = "current",
            Type = CodeableConcept.Of("http://loinc.org", type),
            Category = [CodeableConcept.Of("urn:oid:1.2.250.1.213.1.1.4.1", classCode)],
            Subject = subject,
            Date = Created.ToString("O", CultureInfo.InvariantCulture),
            Contained = [new Practitioner { Id = "author", Identifier = [new Identifier { System = "urn:oid:1.2.250.1.71.4.2.1", Value = authorIdNat }] }],
            Author = [new Reference { ReferenceValue = "#author" }],
            SecurityLabel = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "N")],
            Content =
            [
                new DocumentReferenceContent
                {
                    Attachment = new Attachment
                    {
                        ContentType = "text/xml", Url = "urn:uuid:00000000-0000-0000-0000-00000000000b", Size = cda.Length, Hash = SHA1.HashData(cda),
                        Creation = Created.ToString("O", CultureInfo.InvariantCulture), Title = "Document",
                    },
                    Format = new Coding { System = "urn:oid:1.3.6.1.4.1.19376.1.2.3", Code = format },
                },
            ],
            Context = new DocumentReferenceContext
            {
                FacilityType = CodeableConcept.Of("urn:oid:1.2.250.1.71.4.2.4", "SA01"),
                PracticeSetting = CodeableConcept.Of("urn:oid:1.2.250.1.213.1.1.4.9", "ETABLISSEMENT"),
                Period = new Period { Start = "2026-11-18T00:00:00Z", End = "2026-11-20T00:00:00Z" },
            },
        };
        if (replaces is not null)
        {
            document.RelatesTo = [new DocumentReferenceRelatesTo { Code = "replaces", Target = new Reference { ReferenceValue = $"DocumentReference/{replaces}" } }];
        }

        tweak?.Invoke(document);
        return new Bundle
        {
            Type = "transaction",
            Entry =
            [
                new BundleEntry
                {
                    FullUrl = "urn:uuid:00000000-0000-0000-0000-00000000000a",
                    Resource = new List
                    {
                        Identifier = [new Identifier { Use = "usual", System = "urn:ietf:rfc:3986", Value = $"urn:oid:1.2.250.1.213.1.1.9.{Random.Shared.NextInt64(1, long.MaxValue)}" }],
                        Status = "current", Mode = "working", Code = CodeableConcept.Of("https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "submissionset"),
                        Subject = subject, Entry = [new ListEntry { Item = new Reference { ReferenceValue = "urn:uuid:00000000-0000-0000-0000-00000000000c" } }],
                    },
                    Request = new BundleEntryRequest { Method = "POST", Url = "List" },
                },
                new BundleEntry { FullUrl = "urn:uuid:00000000-0000-0000-0000-00000000000c", Resource = document, Request = new BundleEntryRequest { Method = "POST", Url = "DocumentReference" } },
                new BundleEntry { FullUrl = "urn:uuid:00000000-0000-0000-0000-00000000000b", Resource = new Binary { ContentType = "text/xml", Data = cda }, Request = new BundleEntryRequest { Method = "POST", Url = "Binary" } },
            ],
        };
    }
}
