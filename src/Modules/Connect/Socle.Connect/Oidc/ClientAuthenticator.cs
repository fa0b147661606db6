using System.Text;
using Microsoft.AspNetCore.Http;
using Socle.Connect.Domain;
using Socle.Connect.Security;
using Socle.Connect.Storage;

namespace Socle.Connect.Oidc;

/// <summary>
/// Authenticates the client of a token, introspection or revocation request: client_secret_basic,
/// client_secret_post, private_key_jwt (RFC 7523 §2.2) or none (a public client, which only identifies itself).
/// </summary>
internal sealed class ClientAuthenticator(ConnectDbContext db, ClientCache clients, JwtAssertionValidator assertions)
{
    public async Task<AuthenticatedClient> AuthenticateAsync(HttpRequest request, IFormCollection form, string endpoint, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        var basic = header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);
        var assertion = form["client_assertion"].ToString();
        var postedSecret = form.ContainsKey("client_secret");
        if ((basic ? 1 : 0) + (assertion.Length > 0 ? 1 : 0) + (postedSecret ? 1 : 0) > 1)
        {
            throw new OAuthException(TokenError.InvalidRequest("Use exactly one client authentication method."));
        }

        if (basic)
        {
            var (id, secret) = ReadBasic(header) ?? throw new OAuthException(TokenError.InvalidClient("Malformed HTTP Basic credentials."));
            return new AuthenticatedClient(await WithSecretAsync(id, secret, cancellationToken), "client_secret_basic");
        }

        if (assertion.Length > 0)
        {
            if (form["client_assertion_type"].ToString() != GrantTypes.ClientAssertionType)
            {
                throw new OAuthException(TokenError.InvalidRequest($"client_assertion_type must be {GrantTypes.ClientAssertionType}."));
            }

            var clientId = JwtAssertionValidator.UnverifiedIssuer(assertion) ?? throw new OAuthException(TokenError.InvalidClient("The client assertion is not a JWT."));
            var client = await FindAsync(clientId, cancellationToken);
            if (client?.PublicKeyPem is null)
            {
                throw new OAuthException(TokenError.InvalidClient("Unknown client or no registered public key."));
            }

            var claims = await assertions.ValidateAsync(assertion, client, endpoint, cancellationToken);
            if (claims.Subject != client.ClientId)
            {
                throw new OAuthException(TokenError.InvalidClient("A client assertion's sub must be the client_id."));
            }

            return new AuthenticatedClient(client, "private_key_jwt");
        }

        var formId = form["client_id"].ToString();
        if (postedSecret)
        {
            return new AuthenticatedClient(await WithSecretAsync(formId, form["client_secret"].ToString(), cancellationToken), "client_secret_post");
        }

        var publicClient = formId.Length == 0 ? null : await FindAsync(formId, cancellationToken);
        if (publicClient is null || !publicClient.IsPublic)
        {
            throw new OAuthException(TokenError.InvalidClient("Client authentication is required (client_secret_basic, client_secret_post or private_key_jwt)."));
        }

        return new AuthenticatedClient(publicClient, "none");
    }

    private async Task<ClientApplication> WithSecretAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var client = await FindAsync(clientId, cancellationToken);
        if (client is null || client.SecretHash.Length == 0 || !Handles.Matches(secret, client.SecretHash))
        {
            throw new OAuthException(TokenError.InvalidClient("Unknown client or wrong secret."));
        }

        return client;
    }

    private async Task<ClientApplication?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(db, clientId, cancellationToken);
        return client is { Active: true } ? client : null;
    }

    private static (string Id, string Secret)? ReadBasic(string header)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64.
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

internal sealed record AuthenticatedClient(ClientApplication Client, string Method);
