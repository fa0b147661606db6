using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir.Capability;

/// <summary>What a module implements over FHIR; the CapabilityStatement lists exactly these.</summary>
public interface IFhirCapabilityContributor
{
    IEnumerable<CapabilityResource> Resources();

    /// <summary>Whole-system interactions (for example <c>transaction</c>, IHE MHD ITI-65 on <c>POST /fhir</c>).</summary>
    IEnumerable<CapabilityInteraction> SystemInteractions() => [];

    /// <summary>Operations invoked on the base (<c>POST /fhir/$name</c>).</summary>
    IEnumerable<CapabilityOperation> SystemOperations() => [];
}
