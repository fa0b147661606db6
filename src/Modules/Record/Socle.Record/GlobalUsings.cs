// The namespaces every feature endpoint of the module uses.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Socle.Audit.Contracts;
global using Socle.BuildingBlocks.Errors;
global using Socle.BuildingBlocks.Fhir;
global using Socle.BuildingBlocks.Fhir.Model;
global using Socle.BuildingBlocks.Security;
global using Socle.Record.Contracts;
global using Socle.Record.Domain;

// The audit contract, not the FHIR resource of the same name (built in Features/TraceEndpoints).
global using AuditEvent = Socle.Audit.Contracts.AuditEvent;
global using FhirAuditEvent = Socle.BuildingBlocks.Fhir.Model.AuditEvent;
