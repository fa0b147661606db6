using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socle.Connect.Oidc;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenErrorBody))]
[JsonSerializable(typeof(ProviderMetadata))]
[JsonSerializable(typeof(JsonWebKeySetDocument))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ConnectJsonContext : JsonSerializerContext;
