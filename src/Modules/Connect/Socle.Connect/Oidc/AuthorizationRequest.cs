using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;

namespace Socle.Connect.Oidc;

/// <summary>A validated OpenID Connect authorization request (code flow, PKCE S256 required).</summary>
internal sealed record AuthorizationRequest(
    ClientApplication Client,
    string RedirectUri,
    string? State,
    string? Nonce,
    IReadOnlyList<string> Scopes,
    string CodeChallenge,
    IReadOnlySet<string> Prompt,
    int? MaxAge,
    IReadOnlyList<string> AcrValues,
    string? LoginHint,
    IReadOnlyDictionary<string, StringValues> Raw)
{
    public static readonly string[] SupportedPrompts = ["none", "login", "consent", "select_account"];

    /// <summary>The same request without some prompt values: where a page sends the browser back once it has done them.</summary>
    public string ReturnUrl(params string[] done)
    {
        var query = Raw.Where(kv => kv.Key != "prompt").ToDictionary(kv => kv.Key, kv => kv.Value);
        var prompt = Prompt.Where(p => !done.Contains(p)).ToList();
        if (prompt.Count > 0)
        {
            query["prompt"] = string.Join(' ', prompt);
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query.SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v))));
    }

    /// <summary>The error redirect (RFC 6749 §4.1.2.1) once client and redirect URI are known to be right.</summary>
    public string ErrorRedirect(string issuer, string error, string description) =>
        QueryHelpers.AddQueryString(RedirectUri, new Dictionary<string, string?>
        {
            ["error"] = error,
            ["error_description"] = description,
            ["state"] = State,
            ["iss"] = issuer,
        }.Where(kv => kv.Value is not null));

    /// <summary>
    /// Validates the query. Without a known client and an exactly registered redirect URI, the error goes to the
    /// page (<paramref name="pageError"/>), never to the URI; other errors go back to the client.
    /// </summary>
    public static AuthorizationRequest? Parse(
        IReadOnlyDictionary<string, StringValues> query, ClientApplication? client, out string? pageError, out (string Error, string Description)? clientError)
    {
        pageError = null;
        clientError = null;
        if (query.Values.Any(v => v.Count > 1))
        {
            pageError = "Un paramètre de la demande est répété.";
            return null;
        }

        string? Get(string name) => query.TryGetValue(name, out var v) && v.Count > 0 && v[0]!.Length > 0 ? v[0] : null;
        if (client is null)
        {
            pageError = Get("client_id") is null ? "La demande ne précise pas de client_id." : "Ce logiciel client n'est pas connu de Socle.";
            return null;
        }

        var redirectUri = Get("redirect_uri");
        if (redirectUri is null || !client.RedirectUriList.Contains(redirectUri, StringComparer.Ordinal))
        {
            pageError = "L'adresse de retour (redirect_uri) n'est pas enregistrée pour ce logiciel client.";
            return null;
        }

        var prompt = (Get("prompt") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var scopes = ScopeSet.Parse(Get("scope")).Order(StringComparer.Ordinal).ToList();
        var allowed = ScopeSet.Parse(client.Scopes);
        var maxAgeText = Get("max_age");
        int? maxAge = null;
        clientError = true switch
        {
            _ when Get("request") is not null => ("request_not_supported", "Request objects are not supported."),
            _ when Get("request_uri") is not null => ("request_uri_not_supported", "request_uri is not supported."),
            _ when Get("response_type") != "code" => ("unsupported_response_type", "Only response_type=code is supported."),
            _ when Get("response_mode") is { } mode && mode != "query" => ("invalid_request", "Only response_mode=query is supported."),
            _ when !client.Allows(GrantTypes.AuthorizationCode) => ("unauthorized_client", "This client is not registered for the authorization code flow."),
            _ when scopes.Count == 0 => ("invalid_scope", "scope is required."),
            _ when scopes.FirstOrDefault(s => !allowed.Contains(s)) is { } s => ("invalid_scope", $"Scope '{s}' is not granted to this client."),
            _ when Get("code_challenge_method") != "S256" => ("invalid_request", "PKCE is required: code_challenge_method=S256."),
            _ when !Pkce.IsValidChallenge(Get("code_challenge")) => ("invalid_request", "code_challenge must be the base64url SHA-256 of the verifier (43 characters)."),
            _ when prompt.FirstOrDefault(p => !SupportedPrompts.Contains(p)) is { } p => ("invalid_request", $"Unknown prompt value '{p}'."),
            _ when prompt.Contains("none") && prompt.Count > 1 => ("invalid_request", "prompt=none cannot be combined with other values."),
            _ when maxAgeText is not null && (!int.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || (maxAge = m) < 0) => ("invalid_request", "max_age must be a non-negative integer."),
            _ when Get("nonce") is { Length: > 512 } || Get("state") is { Length: > 2048 } => ("invalid_request", "nonce or state is too long."),
            _ => null,
        };

        return new AuthorizationRequest(
            client, redirectUri, Get("state"), Get("nonce"), scopes, Get("code_challenge") ?? string.Empty, prompt, maxAge,
            (Get("acr_values") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries), Get("login_hint"),
            query.ToDictionary(kv => kv.Key, kv => kv.Value));
    }
}
