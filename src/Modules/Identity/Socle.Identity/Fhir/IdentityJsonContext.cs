using System.Text.Json.Serialization;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Identity.Contracts;

namespace Socle.Identity.Fhir;

/// <summary>Storage form of the free-form parts of an identity (contacts, addresses) and of history snapshots.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ContactPoint>))]
[JsonSerializable(typeof(List<Address>))]
[JsonSerializable(typeof(List<SandboxIdentity>))]
[JsonSerializable(typeof(IdentitySnapshot))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
