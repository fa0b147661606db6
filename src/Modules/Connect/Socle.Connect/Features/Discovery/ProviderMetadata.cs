using System.Text.Json.Serialization;

namespace Socle.Connect.Features.Discovery;

/// <summary>Authorization-server metadata (RFC 8414 / OpenID Connect Discovery): only what is implemented.</summary>
internal sealed record ProviderMetadata(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("access_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms);
