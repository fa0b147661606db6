namespace Socle.Identity.Domain;

/// <summary>The INS traits in INS form (see <see cref="InsName"/>).</summary>
internal sealed record InsTraits(string BirthFamilyName, string BirthGivenNames, DateOnly BirthDate, Gender Gender, string? Birthplace);
