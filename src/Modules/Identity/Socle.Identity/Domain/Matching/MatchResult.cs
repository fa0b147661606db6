namespace Socle.Identity.Domain.Matching;

/// <param name="Score">Similarity in [0, 1].</param>
/// <param name="Grade">certain, probable or possible (FHIR match-grade).</param>
/// <param name="AgreedTraits">The traits that agree: family, given, birthdate, gender, birthplace.</param>
internal sealed record MatchResult(double Score, string Grade, IReadOnlyList<string> AgreedTraits);
