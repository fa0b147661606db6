using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Security;

namespace Socle.Connect.Oidc;

internal static class DiscoveryEndpoints
{
    private static readonly string[] AuthMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/connect/.well-known/openid-configuration", (IssuerResolver issuer, ScopeCatalog scopes, HttpContext http) =>
        {
            var iss = issuer.Current();
            var metadata = new ProviderMetadata(
                iss,
                iss + "/authorize",
                iss + "/token",
                iss + "/userinfo",
                iss + "/jwks",
                iss + "/introspect",
                iss + "/revoke",
                iss + "/logout",
                GrantTypes.All,
                ["code"],
                ["query"],
                ["public"],
                [SecurityAlgorithms.EcdsaSha256],
                [SecurityAlgorithms.EcdsaSha256],
                [SecurityAlgorithms.EcdsaSha256],
                AuthMethods,
                [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
                AuthMethods[..3],
                AuthMethods[..3],
                ["S256"],
                scopes.All.Select(s => s.Name).ToList(),
                ["sub", "preferred_username", "given_name", "family_name", "SubjectNameID", "SubjectRefPro", "SubjectRole", "SubjectOrganization", "SubjectOrganizationID", "otherIds", "codeCivilite", "birthdate", "email", SocleClaims.PatientId, "acr", "amr", "auth_time", "sid"],
                [Oidc.FamilyClaims.Eidas1],
                AuthorizationRequest.SupportedPrompts,
                false,
                false,
                false,
                true,
                ["fr"]);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(metadata, ConnectJsonContext.Default.ProviderMetadata);
        }).WithName("ProviderMetadata").WithSummary("OpenID Connect provider metadata");

        routes.MapGet("/connect/jwks", async (SigningKeyStore keys, HttpContext http) =>
        {
            var set = await keys.GetAsync(http.RequestAborted);
            var published = set.All.Select(k =>
            {
                var p = k.ECDsa.ExportParameters(includePrivateParameters: false);
                return new PublicJsonWebKey("EC", "P-256", Base64UrlEncoder.Encode(p.Q.X), Base64UrlEncoder.Encode(p.Q.Y), k.KeyId, "sig", SecurityAlgorithms.EcdsaSha256);
            }).ToList();
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(new JsonWebKeySetDocument(published), ConnectJsonContext.Default.JsonWebKeySetDocument, contentType: "application/jwk-set+json");
        }).WithName("Jwks").WithSummary("Public signing keys (JWKS): the active key and the next one");
    }
}
