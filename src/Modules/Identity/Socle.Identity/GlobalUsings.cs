// The namespaces every feature endpoint of the module uses.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Socle.Audit.Contracts;
global using Socle.BuildingBlocks.Fhir;
global using Socle.BuildingBlocks.Fhir.Model;
global using Socle.BuildingBlocks.Security;
global using Socle.Identity.Contracts;
global using Socle.Identity.Domain;
global using Socle.Identity.Features.Shared;
global using Socle.Identity.Fhir;

// The audit contract, not the FHIR resource of the same name (which the Record module shows patients).
global using AuditEvent = Socle.Audit.Contracts.AuditEvent;
