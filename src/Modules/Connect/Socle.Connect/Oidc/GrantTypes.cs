namespace Socle.Connect.Oidc;

internal static class GrantTypes
{
    public const string ClientCredentials = "client_credentials";
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";

    /// <summary>RFC 7523 §2.1: an organisation asserts which professional acts (indirect authentication).</summary>
    public const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static readonly IReadOnlyList<string> All = [ClientCredentials, AuthorizationCode, RefreshToken, JwtBearer];
}
