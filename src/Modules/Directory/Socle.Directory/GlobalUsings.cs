// The namespaces every feature endpoint of the module uses.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Socle.Audit.Contracts;
global using Socle.BuildingBlocks.Fhir;
global using Socle.BuildingBlocks.Fhir.Model;
global using Socle.BuildingBlocks.Security;
global using Socle.Directory.Contracts;
