using System.Globalization;

namespace Socle.Record.Features;

/// <summary>Builds the FHIR answers from the stored entries: the resource as deposited, with the record's current status and labels.</summary>
internal static class DocumentMapper
{
    public const string ComprehensiveProfile = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.DocumentReference";

    public static DocumentReference ToFhir(DocumentEntry entry, string baseUrl)
    {
        var resource = FhirJson.ParseAs<DocumentReference>(entry.ResourceJson);
        resource.Id = entry.Id.ToString("N");
        resource.Status = entry.Status == DocumentStatuses.Current ? "current" : "superseded";
        var labels = new List<CodeableConcept> { CodeableConcept.Of(ValueSets.ConfidentialitySystem, entry.Confidentiality) };
        labels.AddRange(VisibilityCodes.CodesOf((Visibility)entry.Visibility).Select(code => CodeableConcept.Of(ValueSets.VisibilitySystemOid, code)));
        resource.SecurityLabel = labels;
        if (resource.Content is [{ Attachment: { } attachment }])
        {
            attachment.Url = $"{baseUrl}/Binary/{entry.Id:N}";
            attachment.Data = null;
        }

        return resource;
    }

    public static List ToFhir(SubmissionSetEntry entry) => FhirJson.ParseAs<List>(entry.ResourceJson);

    public static string Instant(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
