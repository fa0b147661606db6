using System.Text.Json;
using System.Text.Json.Serialization;
using Socle.Connect.Contracts;
using Socle.Directory.Contracts;
using Socle.Identity.Contracts;

namespace Socle.Cli;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ClientCredentials))]
[JsonSerializable(typeof(ProfessionalAccount))]
[JsonSerializable(typeof(PatientEnrolment))]
[JsonSerializable(typeof(IReadOnlyList<SandboxProfessionalAccount>))]
[JsonSerializable(typeof(IReadOnlyList<SandboxPatientAccount>))]
[JsonSerializable(typeof(IReadOnlyList<SandboxIdentity>))]
[JsonSerializable(typeof(ReverificationReport))]
[JsonSerializable(typeof(DuplicateScanReport))]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class CliJson : JsonSerializerContext
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), Default);
}

internal sealed record ClientCredentials(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret);
