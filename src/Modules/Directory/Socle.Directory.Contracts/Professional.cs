namespace Socle.Directory.Contracts;

/// <summary>A code of a national terminology (NOS) with its label as published.</summary>
public sealed record CodedValue(string Code, string? Label);

/// <summary>A health professional (PP) of the directory with their activities.</summary>
public sealed record Professional(
    string IdNat,
    string IdentifierType,
    string Identifier,
    CodedValue? ExerciseCivility,
    string? FamilyName,
    string? GivenName,
    IReadOnlyList<Specialty> Specialties,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<string> Mailboxes);

/// <summary>A savoir-faire (specialty, competence...) of a professional for one profession.</summary>
public sealed record Specialty(string ProfessionCode, CodedValue Type, CodedValue Value);

/// <summary>A situation d'exercice: one profession exercised at one structure (or none).</summary>
public sealed record Activity(
    string Id,
    CodedValue Profession,
    CodedValue? Category,
    CodedValue? SavoirFaire,
    CodedValue? Mode,
    CodedValue? Sector,
    CodedValue? PharmacistSection,
    CodedValue? Role,
    CodedValue? Genre,
    Structure? Structure);

/// <summary>A structure (site) where professionals exercise.</summary>
public sealed record Structure(
    string TechnicalId,
    string IdNat,
    string? FinessSite,
    string? FinessLegalEntity,
    string? Siret,
    string? Siren,
    string? Name,
    string? CommercialName,
    string? AddressLine,
    string? PostalCode,
    string? City,
    string? Phone,
    string? Email);

/// <summary>An MSSanté mailbox (BAL): PER, ORG, APP or CAB.</summary>
public sealed record Mailbox(
    string Address,
    string Type,
    string? ProfessionalIdNat,
    string? StructureIdNat,
    string? Service,
    bool RedList);
