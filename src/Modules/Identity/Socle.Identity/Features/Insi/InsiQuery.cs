namespace Socle.Identity.Features.Insi;

/// <summary>What an INSi retrieval searches on: the traits (birthplace optional) or the Vitale card data.</summary>
internal sealed record InsiQuery(InsTraits? Traits, string? CardNir, DateOnly? CardBirthDate);
