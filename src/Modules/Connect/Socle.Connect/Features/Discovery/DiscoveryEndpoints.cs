using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Security;

namespace Socle.Connect.Features.Discovery;

internal static class DiscoveryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/connect/.well-known/openid-configuration", (IssuerResolver issuer, ScopeCatalog scopes) =>
        {
            var iss = issuer.Current();
            var metadata = new ProviderMetadata(
                iss,
                iss + "/token",
                iss + "/jwks",
                ["client_credentials"],
                [],
                ["client_secret_basic", "client_secret_post"],
                scopes.All.Select(s => s.Name).ToList(),
                [SecurityAlgorithms.EcdsaSha256]);
            return Results.Json(metadata, ConnectJsonContext.Default.ProviderMetadata);
        }).WithName("ProviderMetadata").WithSummary("OAuth 2.0 / OpenID Connect provider metadata");

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
        }).WithName("Jwks").WithSummary("Public signing keys (JWKS)");
    }
}
