using System.Text.Json.Serialization;

namespace Socle.Connect.Oidc;

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("id_token")] string? IdToken = null,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken = null);

internal sealed record TokenErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
