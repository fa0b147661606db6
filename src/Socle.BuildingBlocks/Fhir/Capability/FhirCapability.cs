using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir.Capability;

/// <summary>What a module implements over FHIR; the CapabilityStatement lists exactly these.</summary>
public interface IFhirCapabilityContributor
{
    IEnumerable<CapabilityResource> Resources();
}
