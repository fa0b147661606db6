using Socle.BuildingBlocks.Fhir.Capability;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Identity.Fhir;

namespace Socle.Identity;

/// <summary>The Patient capabilities of the Identity module, exactly as mapped in <see cref="IdentityModule"/>.</summary>
internal sealed class IdentityCapabilities : IFhirCapabilityContributor
{
    public IEnumerable<CapabilityResource> Resources()
    {
        yield return new CapabilityResource
        {
            Type = "Patient",
            Profile = FrCore.PatientProfile,
            Interaction = [new() { Code = "read" }, new() { Code = "create" }, new() { Code = "update" }, new() { Code = "search-type" }],
            SearchParam =
            [
                new() { Name = "family", Type = "string" },
                new() { Name = "given", Type = "string" },
                new() { Name = "birthdate", Type = "date" },
                new() { Name = "gender", Type = "token" },
                new() { Name = "identifier", Type = "token", Documentation = "IPP (system|value), or INS under its urn:oid system (qualified identities only)" },
                new() { Name = "address-postalcode", Type = "string" },
                new() { Name = "active", Type = "token" },
                new() { Name = "_id", Type = "token" },
            ],
            Operation =
            [
                new() { Name = "ins-retrieve", Definition = "urn:socle:fhir:OperationDefinition:ins-retrieve", Documentation = "INSi retrieval by traits or Vitale card" },
                new() { Name = "ins-verify", Definition = "urn:socle:fhir:OperationDefinition:ins-verify", Documentation = "INSi verification of an INS and its traits" },
                new() { Name = "attach-ins", Definition = "urn:socle:fhir:OperationDefinition:attach-ins" },
                new() { Name = "validate-identity", Definition = "urn:socle:fhir:OperationDefinition:validate-identity" },
                new() { Name = "match", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-match" },
                new() { Name = "merge", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-merge" },
                new() { Name = "unmerge", Definition = "urn:socle:fhir:OperationDefinition:unmerge" },
                new() { Name = "ihe-pix", Definition = "https://profiles.ihe.net/ITI/PIXm/OperationDefinition/IHE.PIXm.pix" },
            ],
        };
    }
}
