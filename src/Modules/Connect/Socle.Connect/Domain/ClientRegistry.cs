using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Identifiers;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Contracts;
using Socle.Connect.Oidc;
using Socle.Connect.Storage;

namespace Socle.Connect.Domain;

internal sealed class ClientRegistry(ConnectDbContext db, ScopeCatalog scopes, TimeProvider clock) : IClientRegistry
{
    public async Task<RegisteredClient> RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        var name = registration.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw ConnectErrors.InvalidName.ToException();
        }

        if (!Finess.IsValid(registration.Organisation))
        {
            throw ConnectErrors.InvalidOrganisation.WithMessage($"'{registration.Organisation}' is not a valid FINESS number (9 characters with a valid check digit).").ToException();
        }

        var requested = Words(registration.Scopes);
        if (requested.Count == 0)
        {
            throw ConnectErrors.NoScope.ToException();
        }

        var unknown = requested.Where(s => !scopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", scopes.All.Select(d => d.Name));
            throw ConnectErrors.UnknownScope.WithMessage($"Unknown scope(s): {string.Join(", ", unknown)}. Known scopes: {known}.").ToException();
        }

        var grantTypes = Words(registration.GrantTypes);
        if (grantTypes.Count == 0)
        {
            grantTypes.Add(GrantTypes.ClientCredentials);
        }

        var redirectUris = Words(registration.RedirectUris);
        var logoutUris = Words(registration.PostLogoutRedirectUris);
        CheckGrantTypes(registration, grantTypes, redirectUris);
        foreach (var uri in redirectUris.Concat(logoutUris))
        {
            if (!IsAcceptableRedirect(uri))
            {
                throw ConnectErrors.InvalidRedirectUri.WithMessage($"'{uri}' is not acceptable: use an absolute https URI (http only for localhost or 127.0.0.1), without fragment.").ToException();
            }
        }

        if (registration.PublicKeyPem is { } pem && JwtAssertionValidator.CheckPublicKey(pem) is { } problem)
        {
            throw ConnectErrors.InvalidPublicKey.WithMessage($"The public key is refused: {problem}").ToException();
        }

        var secret = registration.Public ? null : Handles.New();
        var client = new ClientApplication
        {
            ClientId = ClientSecrets.NewClientId(),
            Name = name,
            Organisation = registration.Organisation,
            Scopes = string.Join(' ', requested),
            SecretHash = secret is null ? string.Empty : Handles.Hash(secret),
            GrantTypes = string.Join(' ', grantTypes),
            RedirectUris = string.Join(' ', redirectUris),
            PostLogoutRedirectUris = string.Join(' ', logoutUris),
            RequireConsent = registration.RequireConsent,
            PublicKeyPem = registration.PublicKeyPem,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredClient(client.ClientId, secret);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Clients.CountAsync(cancellationToken);

    /// <summary>Exact-match redirect URIs: absolute, no fragment, https except loopback (RFC 8252 native apps and sandboxes).</summary>
    public static bool IsAcceptableRedirect(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && parsed.Fragment.Length == 0
        && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && (parsed.IsLoopback || parsed.Host == "localhost")));

    private static void CheckGrantTypes(ClientRegistration registration, List<string> grantTypes, List<string> redirectUris)
    {
        string? problem = true switch
        {
            _ when grantTypes.FirstOrDefault(g => !GrantTypes.All.Contains(g)) is { } g => $"Unknown grant type '{g}'. Known: {string.Join(", ", GrantTypes.All)}.",
            _ when grantTypes.Contains(GrantTypes.AuthorizationCode) && redirectUris.Count == 0 => "The authorization_code grant needs at least one --redirect-uri.",
            _ when grantTypes.Contains(GrantTypes.RefreshToken) && !grantTypes.Contains(GrantTypes.AuthorizationCode) => "refresh_token goes with authorization_code.",
            _ when grantTypes.Contains(GrantTypes.JwtBearer) && registration.PublicKeyPem is null => "The jwt-bearer grant needs the organisation's --public-key.",
            _ when registration.Public && grantTypes.Any(g => g is GrantTypes.ClientCredentials or GrantTypes.JwtBearer) => "A public client can only use authorization_code and refresh_token.",
            _ => null,
        };
        if (problem is not null)
        {
            throw ConnectErrors.InvalidGrantTypes.WithMessage(problem).ToException();
        }
    }

    private static List<string> Words(IEnumerable<string> values) =>
        values.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
}
