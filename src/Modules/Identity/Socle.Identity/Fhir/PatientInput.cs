using Socle.BuildingBlocks.Fhir.Model;
using Socle.Identity.Domain;

namespace Socle.Identity.Fhir;

/// <summary>A Patient resource from a client, checked and normalised.</summary>
internal sealed record PatientInput(
    InsTraits Traits,
    string? UsedFamilyName,
    string? UsedGivenName,
    (string System, string Value)? Ipp,
    bool Doubtful,
    bool Fictitious,
    bool Homonym,
    List<ContactPoint>? Telecom,
    List<Address>? Address);
