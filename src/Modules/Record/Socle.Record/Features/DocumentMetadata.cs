using System.Globalization;

namespace Socle.Record.Features;

/// <summary>The XDS metadata of one DocumentReference of a deposit, checked against the value sets.</summary>
internal sealed record DocumentMetadata(
    string UniqueId,
    string ClassCode,
    string TypeCode,
    string FormatCode,
    string? FacilityCode,
    string? PracticeSettingCode,
    IReadOnlyList<string> EventCodes,
    string Confidentiality,
    Visibility Visibility,
    string? AuthorIdNat,
    string? AuthorStructure,
    DateTimeOffset? Creation,
    DateTimeOffset? ServiceStart,
    DateTimeOffset? ServiceStop,
    string ContentType,
    long? DeclaredSize,
    byte[]? DeclaredHash,
    string? Title)
{
    public const string PractitionerIdSystem = "urn:oid:1.2.250.1.71.4.2.1";
    public const string StructureIdSystem = "urn:oid:1.2.250.1.71.4.2.2";

    public static DocumentMetadata Read(DocumentReference reference, string path, bool byPatient)
    {
        var uniqueId = reference.MasterIdentifier?.Value;
        if (string.IsNullOrWhiteSpace(uniqueId) || uniqueId.Length > 128)
        {
            throw Invalid($"{path}.masterIdentifier.value (the document unique id) is required, up to 128 characters.");
        }

        var type = Single(reference.Type, $"{path}.type", ValueSets.IsLoinc, ValueSets.Types, "JDV_J66 (LOINC)");
        var classCode = Single(reference.Category?.FirstOrDefault(), $"{path}.category", ValueSets.IsClassSystem, ValueSets.Classes, "JDV_J57 (TRE_A03)");
        var attachment = reference.Content is [{ Attachment: { } a } content] ? (a, content.Format) : throw Invalid($"{path}.content must hold exactly one attachment.");
        var format = attachment.Format?.Code is { } f && ValueSets.Formats.ContainsKey(f)
            ? f
            : throw Unknown($"{path}.content[0].format '{attachment.Format?.Code}' is not in JDV_J10.");
        var context = reference.Context;
        string? facility = null;
        if (context?.FacilityType is { } facilityType)
        {
            facility = Single(facilityType, $"{path}.context.facilityType", ValueSets.IsFacilitySystem, ValueSets.Facilities, "JDV_J61 (TRE_R02)");
        }
        else if (!byPatient)
        {
            throw Invalid($"{path}.context.facilityType is required (JDV_J61).");
        }

        string? practice = null;
        if (context?.PracticeSetting?.Coding is [{ } practiceCoding])
        {
            practice = ValueSets.IsPracticeSettingSystem(practiceCoding.System) && !string.IsNullOrEmpty(practiceCoding.Code)
                ? practiceCoding.Code
                : throw Unknown($"{path}.context.practiceSetting must be coded in TRE_A01-CadreExercice.");
        }
        else if (!byPatient)
        {
            throw Invalid($"{path}.context.practiceSetting is required (JDV_J04, TRE_A01-CadreExercice).");
        }

        var (confidentiality, visibility) = SecurityLabels(reference.SecurityLabel, path);
        var events = (context?.Event ?? []).SelectMany(e => e.Coding ?? []).Select(c => c.Code).OfType<string>().ToList();
        if (events.Any(e => e.Contains(' ', StringComparison.Ordinal) || e.Length > 64))
        {
            throw Invalid($"{path}.context.event codes are single tokens of up to 64 characters.");
        }

        var (authorIdNat, authorStructure) = Author(reference, path);
        if (!byPatient && authorIdNat is null)
        {
            throw Invalid($"{path}.author must name the professional (a Practitioner or PractitionerRole with an IdNat_PS identifier, system {PractitionerIdSystem}).");
        }

        var attachmentValue = attachment.a;
        if (string.IsNullOrEmpty(attachmentValue.ContentType))
        {
            throw Invalid($"{path}.content[0].attachment.contentType is required.");
        }

        return new DocumentMetadata(
            uniqueId,
            classCode,
            type,
            format,
            facility,
            practice,
            events,
            confidentiality,
            visibility,
            authorIdNat,
            authorStructure,
            Time(attachmentValue.Creation, $"{path}.content[0].attachment.creation"),
            Time(context?.Period?.Start, $"{path}.context.period.start"),
            Time(context?.Period?.End, $"{path}.context.period.end"),
            attachmentValue.ContentType,
            attachmentValue.Size,
            attachmentValue.Hash,
            attachmentValue.Title ?? reference.Description);
    }

    private static string Single(CodeableConcept? concept, string path, Func<string?, bool> systemOk, IReadOnlyDictionary<string, string> members, string valueSet)
    {
        if (concept?.Coding is not [{ } coding])
        {
            throw Invalid($"{path} is required, with one coding from {valueSet}.");
        }

        return systemOk(coding.System) && coding.Code is { } code && members.ContainsKey(code)
            ? code
            : throw Unknown($"{path}: '{coding.System}|{coding.Code}' is not in {valueSet}.");
    }

    private static (string Confidentiality, Visibility Visibility) SecurityLabels(List<CodeableConcept>? labels, string path)
    {
        string? confidentiality = null;
        var visibility = Visibility.Visible;
        foreach (var coding in (labels ?? []).SelectMany(l => l.Coding ?? []))
        {
            if (ValueSets.IsConfidentialitySystem(coding.System) && coding.Code is { } c && ValueSets.Confidentialities.ContainsKey(c))
            {
                confidentiality = confidentiality is null ? c : throw Invalid($"{path}.securityLabel holds two confidentiality codes.");
            }
            else if (ValueSets.IsVisibilitySystem(coding.System) && coding.Code is { } v && VisibilityCodes.ByCode.TryGetValue(v, out var flag))
            {
                visibility |= flag;
            }
            else
            {
                throw Unknown($"{path}.securityLabel: '{coding.System}|{coding.Code}' is neither a JDV_J08 confidentiality code nor a TRE_A07 visibility code.");
            }
        }

        return (confidentiality ?? "N", visibility);
    }

    /// <summary>The author: a contained (or inline) Practitioner / PractitionerRole with the IdNat_PS, and its structure.</summary>
    private static (string? IdNat, string? Structure) Author(DocumentReference reference, string path)
    {
        string? idNat = null;
        string? structure = null;
        foreach (var author in reference.Author ?? [])
        {
            if (author.Identifier is { System: PractitionerIdSystem, Value: { } direct })
            {
                idNat ??= direct;
                continue;
            }

            var target = author.ReferenceValue is { } r && r.StartsWith('#')
                ? reference.Contained?.FirstOrDefault(c => c.Id == r[1..]) ?? throw DanglingContained(path, r)
                : null;
            switch (target)
            {
                case Practitioner practitioner:
                    idNat ??= IdNatOf(practitioner.Identifier);
                    break;
                case PractitionerRole role:
                    if (role.Practitioner is { } p)
                    {
                        idNat ??= p.Identifier is { System: PractitionerIdSystem } id ? id.Value
                            : p.ReferenceValue is { } pr && pr.StartsWith('#') && reference.Contained?.FirstOrDefault(c => c.Id == pr[1..]) is Practitioner contained ? IdNatOf(contained.Identifier)
                            : null;
                    }

                    if (role.Organization is { } o)
                    {
                        structure ??= o.Identifier?.Value
                            ?? (o.ReferenceValue is { } or && or.StartsWith('#') && reference.Contained?.FirstOrDefault(c => c.Id == or[1..]) is Organization org ? org.Identifier?.FirstOrDefault()?.Value : null);
                    }

                    break;
                case Organization organization:
                    structure ??= organization.Identifier?.FirstOrDefault()?.Value;
                    break;
            }
        }

        return (idNat, structure);
    }

    private static string? IdNatOf(List<Identifier>? identifiers) =>
        identifiers?.FirstOrDefault(i => i.System == PractitionerIdSystem)?.Value;

    private static DateTimeOffset? Time(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Invalid($"{path}: '{text}' is not a FHIR dateTime.");
    }

    private static DomainException DanglingContained(string path, string reference) =>
        RecordErrors.DanglingReference.WithMessage($"{path}.author '{reference}' names no contained resource.").ToException();

    private static DomainException Invalid(string message) => RecordErrors.InvalidBundle.WithMessage(message).ToException();

    private static DomainException Unknown(string message) => RecordErrors.UnknownCode.WithMessage(message).ToException();
}
