using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Contracts;
using Socle.Connect.Domain;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Connect;

/// <summary>
/// A relying party and a person's browser over HTTP (no JavaScript): follows redirects by hand, keeps cookies,
/// posts the pages' forms with their antiforgery tokens, and speaks OAuth to the token endpoint.
/// </summary>
internal sealed partial class OidcTestClient
{
    public const string RedirectUri = "https://rp.example.org/callback";
    public const string LogoutUri = "https://rp.example.org/logged-out";

    private OidcTestClient(HttpClient browser, HttpClient backChannel, string clientId, string? secret)
    {
        Browser = browser;
        BackChannel = backChannel;
        ClientId = clientId;
        Secret = secret;
    }

    public HttpClient Browser { get; }

    public HttpClient BackChannel { get; }

    public string ClientId { get; }

    public string? Secret { get; }

    public string Verifier { get; private set; } = string.Empty;

    public static async Task<OidcTestClient> RegisterAsync(SocleApiFactory factory, bool requireConsent = false, string scopes = "openid scope_all directory.read")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(
            new ClientRegistration("Logiciel de test", "540002698", [scopes])
            {
                GrantTypes = ["authorization_code refresh_token"],
                RedirectUris = [RedirectUri],
                PostLogoutRedirectUris = [LogoutUri],
                RequireConsent = requireConsent,
            }, CancellationToken.None);
        return new OidcTestClient(NewBrowser(factory), factory.CreateClient(), client.ClientId, client.ClientSecret);
    }

    public static HttpClient NewBrowser(SocleApiFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    public static async Task<SandboxProfessionalAccount> SandboxProfessionalAsync(SocleApiFactory factory, int index = 0)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(index + 1, null, CancellationToken.None);
        return accounts[index];
    }

    public static string CurrentTotp(string base32Secret, int stepOffset = 0) =>
        Totp.Code(Base32.Decode(base32Secret)!, Totp.StepAt(DateTimeOffset.UtcNow) + stepOffset);

    public string AuthorizeUrl(string scope = "openid scope_all", string? prompt = null, string nonce = "n-123", string state = "s-456", string? challengeMethod = "S256", string redirectUri = RedirectUri, int? maxAge = null)
    {
        Verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = challengeMethod is null ? null : challenge,
            ["code_challenge_method"] = challengeMethod,
            ["prompt"] = prompt,
            ["max_age"] = maxAge?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/connect/authorize", query.Where(kv => kv.Value is not null));
    }

    /// <summary>Follows redirects inside Socle; stops at the first page (200) or at a redirect to the client.</summary>
    public async Task<HttpResponseMessage> FollowAsync(string url)
    {
        var response = await Browser.GetAsync(url);
        while (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location && !location.ToString().StartsWith("https://rp.example.org", StringComparison.Ordinal))
        {
            response = await Browser.GetAsync(location);
        }

        return response;
    }

    /// <summary>Posts the page's form (fields merged with its hidden inputs), then follows redirects.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, IDictionary<string, string> fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains("type=\"hidden\"", StringComparison.Ordinal) && Attribute(tag, "name") is { } name)
            {
                form[name] = Attribute(tag, "value") ?? string.Empty;
            }
        }

        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        var formAction = Regex.Match(html, "<form[^>]*action=\"(?<a>[^\"]+)\"", RegexOptions.CultureInvariant);
        var action = formAction.Success ? WebUtility.HtmlDecode(formAction.Groups["a"].Value) : page.RequestMessage!.RequestUri!.PathAndQuery;
        var response = await Browser.PostAsync(action, new FormUrlEncodedContent(form));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location && !location.ToString().StartsWith("https://rp.example.org", StringComparison.Ordinal))
        {
            return await FollowAsync(location.ToString());
        }

        return response;
    }

    /// <summary>
    /// Logs in through the pages (password, then TOTP) and returns where the provider sent the browser. A professional
    /// with several activities chooses <paramref name="activityId"/>, or the first one offered.
    /// </summary>
    public async Task<HttpResponseMessage> LoginAsync(string authorizeUrl, string login, string password, string totpSecret, string? activityId = null)
    {
        var page = await FollowAsync(authorizeUrl);
        page = await SubmitAsync(page, new Dictionary<string, string> { ["Login"] = login, ["Password"] = password });
        page = await SubmitAsync(page, new Dictionary<string, string> { ["Code"] = CurrentTotp(totpSecret) });
        if (page.StatusCode == HttpStatusCode.OK && page.RequestMessage!.RequestUri!.AbsolutePath == "/connect/activity")
        {
            var html = await page.Content.ReadAsStringAsync();
            var first = WebUtility.HtmlDecode(ActivityRadio().Match(html).Groups["id"].Value);
            page = await SubmitAsync(page, new Dictionary<string, string> { ["ActivityId"] = activityId ?? first });
        }

        return page;
    }

    public static IDictionary<string, string> CallbackParameters(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri, location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
    }

    public Task<HttpResponseMessage> ExchangeCodeAsync(string code, string? verifier = null, string redirectUri = RedirectUri) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier ?? Verifier,
        });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public async Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form, string endpoint = "/connect/token")
    {
        form["client_id"] = ClientId;
        form["client_secret"] = Secret!;
        return await BackChannel.PostAsync(endpoint, new FormUrlEncodedContent(form));
    }

    /// <summary>The page's text with character references decoded, to look for French messages.</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("name=\"ActivityId\" value=\"(?<id>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ActivityRadio();
}
