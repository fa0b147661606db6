using Socle.BuildingBlocks.Fhir.Capability;

namespace Socle.Record;

/// <summary>The MHD Document Responder / Recipient capabilities of the Record module, exactly as mapped in <see cref="RecordModule"/>.</summary>
internal sealed class RecordCapabilities : IFhirCapabilityContributor
{
    public IEnumerable<CapabilityInteraction> SystemInteractions() =>
        [new() { Code = "transaction" }];

    public IEnumerable<CapabilityOperation> SystemOperations() =>
    [
        new() { Name = "add-authorisation", Definition = "urn:socle:fhir:OperationDefinition:add-authorisation" },
        new() { Name = "break-the-glass", Definition = "urn:socle:fhir:OperationDefinition:break-the-glass" },
        new() { Name = "record-settings", Definition = "urn:socle:fhir:OperationDefinition:record-settings" },
    ];

    public IEnumerable<CapabilityResource> Resources()
    {
        yield return new CapabilityResource
        {
            Type = "DocumentReference",
            Profile = Features.DocumentMapper.ComprehensiveProfile,
            Interaction = [new() { Code = "read" }, new() { Code = "search-type" }, new() { Code = "delete" }],
            SearchParam =
            [
                new() { Name = "patient", Type = "reference" },
                new() { Name = "patient.identifier", Type = "token", Documentation = "The INS (urn:oid:1.2.250.1.213.1.4.8|matricule)" },
                new() { Name = "status", Type = "token" },
                new() { Name = "type", Type = "token" },
                new() { Name = "category", Type = "token" },
                new() { Name = "date", Type = "date" },
                new() { Name = "period", Type = "date" },
                new() { Name = "author.identifier", Type = "token" },
                new() { Name = "setting", Type = "token" },
                new() { Name = "facility", Type = "token" },
                new() { Name = "event", Type = "token" },
            ],
            Operation =
            [
                new() { Name = "update-visibility", Definition = "urn:socle:fhir:OperationDefinition:update-visibility" },
                new() { Name = "deprecate", Definition = "urn:socle:fhir:OperationDefinition:deprecate" },
            ],
        };
        yield return new CapabilityResource
        {
            Type = "List",
            Interaction = [new() { Code = "search-type" }],
            SearchParam = [new() { Name = "patient", Type = "reference" }, new() { Name = "patient.identifier", Type = "token" }, new() { Name = "code", Type = "token" }],
        };
        yield return new CapabilityResource { Type = "Binary", Interaction = [new() { Code = "read" }] };
        yield return new CapabilityResource
        {
            Type = "AuditEvent",
            Interaction = [new() { Code = "search-type" }],
            SearchParam = [new() { Name = "patient", Type = "reference" }, new() { Name = "patient.identifier", Type = "token" }],
        };
    }
}
