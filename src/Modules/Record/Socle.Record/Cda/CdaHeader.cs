namespace Socle.Record.Cda;

/// <summary>What the record checks of a CDA R2 header against the XDS metadata.</summary>
/// <param name="PatientIds">recordTarget/patientRole/id (root OID, extension).</param>
/// <param name="TypeCode">ClinicalDocument/code/@code (LOINC).</param>
/// <param name="AuthorIds">author/assignedAuthor/id extensions.</param>
/// <param name="EffectiveTime">ClinicalDocument/effectiveTime, the document's creation time.</param>
/// <param name="ServiceStart">documentationOf/serviceEvent/effectiveTime/low.</param>
/// <param name="ServiceStop">documentationOf/serviceEvent/effectiveTime/high.</param>
/// <param name="Structured">True for a level 3 structuredBody, false for a level 1 nonXMLBody.</param>
/// <param name="BodyMediaType">The nonXMLBody/text/@mediaType of a level 1 document.</param>
internal sealed record CdaHeader(
    IReadOnlyList<(string Root, string? Extension)> PatientIds,
    string? TypeCode,
    IReadOnlyList<string> AuthorIds,
    DateTimeOffset? EffectiveTime,
    DateTimeOffset? ServiceStart,
    DateTimeOffset? ServiceStop,
    bool Structured,
    string? BodyMediaType);
