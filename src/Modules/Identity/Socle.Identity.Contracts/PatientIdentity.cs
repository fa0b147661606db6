namespace Socle.Identity.Contracts;

/// <summary>
/// An identity of a local repository as other modules see it. <see cref="Ins"/> is present only for a
/// qualified (QUAL) identity: the INS matricule never leaves the module otherwise.
/// </summary>
public sealed record PatientIdentity(
    Guid Id,
    string Organisation,
    string Status,
    string? Ins,
    string? InsOid,
    string BirthFamilyName,
    string BirthGivenNames,
    DateOnly BirthDate,
    string Gender,
    string? Birthplace,
    Guid? MergedInto);
