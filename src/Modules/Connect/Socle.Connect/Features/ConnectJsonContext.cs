using System.Text.Json.Serialization;
using Socle.Connect.Features.Discovery;
using Socle.Connect.Features.IssueToken;

namespace Socle.Connect.Features;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenErrorBody))]
[JsonSerializable(typeof(ProviderMetadata))]
[JsonSerializable(typeof(JsonWebKeySetDocument))]
internal sealed partial class ConnectJsonContext : JsonSerializerContext;
