using System.Globalization;

namespace Socle.Record.Access;

/// <summary>How a request names the patient: by INS (system|value) or by a local identity (Patient/{id}).</summary>
internal sealed record PatientReference(string? Ins, Guid? LocalPatientId)
{
    /// <summary>The INS assigning authorities: NIR, NIA, and the test NIR/NIA of the sandbox.</summary>
    public static readonly IReadOnlySet<string> InsOids = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11",
    };

    public static PatientReference FromToken(string token, string parameter)
    {
        var (system, value) = TokenParameter.Parse(token);
        var oid = system?.StartsWith("urn:oid:", StringComparison.Ordinal) == true ? system["urn:oid:".Length..] : system;
        if (oid is null || !InsOids.Contains(oid))
        {
            throw RecordErrors.InvalidParameter.WithMessage($"{parameter} must be an INS: urn:oid:1.2.250.1.213.1.4.8|<matricule> (or the NIA / test OIDs).").ToException();
        }

        return value.Length == 15 && value.All(char.IsAsciiLetterOrDigit)
            ? new PatientReference(value, null)
            : throw RecordErrors.InvalidParameter.WithMessage($"{parameter}: '{value}' is not an INS matricule (15 characters with the key).").ToException();
    }

    /// <summary>A literal reference, relative (<c>Patient/{id}</c>) or absolute (<c>…/fhir/Patient/{id}</c>), or a bare id.</summary>
    public static PatientReference FromLiteral(string reference, string parameter)
    {
        var at = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        var id = at >= 0 ? reference[(at + "Patient/".Length)..] : reference;
        return Guid.TryParseExact(id, "N", out var guid) || Guid.TryParse(id, CultureInfo.InvariantCulture, out guid)
            ? new PatientReference(null, guid)
            : throw RecordErrors.InvalidParameter.WithMessage($"{parameter} must reference a Patient as Patient/{{id}}.").ToException();
    }

    public static PatientReference FromReference(Reference reference, string path)
    {
        if (reference.Identifier is { Value: { } value } identifier)
        {
            return FromToken($"{identifier.System}|{value}", path);
        }

        return reference.ReferenceValue is { } literal
            ? FromLiteral(literal, path)
            : throw RecordErrors.InvalidBundle.WithMessage($"{path} names no patient (an INS identifier or Patient/{{id}}).").ToException();
    }
}
