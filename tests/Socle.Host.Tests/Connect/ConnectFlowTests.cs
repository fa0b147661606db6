using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Connect;

/// <summary>The OpenID Connect provider end to end over HTTP: code flow with PKCE, tokens, refresh, revocation, logout.</summary>
public abstract class ConnectFlowTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task Discovery_publishes_the_endpoints_and_two_signing_keys()
    {
        var http = factory.CreateClient();
        var metadata = await OidcTestClient.JsonAsync(await http.GetAsync("/connect/.well-known/openid-configuration"));
        var issuer = metadata.GetProperty("issuer").GetString()!;
        Assert.Equal(issuer + "/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(issuer + "/userinfo", metadata.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("eidas1", metadata.GetProperty("acr_values_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = await OidcTestClient.JsonAsync(await http.GetAsync("/connect/jwks"));
        Assert.True(jwks.GetProperty("keys").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task A_professional_logs_in_with_TOTP_and_the_client_gets_PSC_shaped_claims()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory);
        var rp = await OidcTestClient.RegisterAsync(factory);
        var callback = OidcTestClient.CallbackParameters(await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret));
        Assert.Equal("s-456", callback["state"]);
        Assert.EndsWith("/connect", callback["iss"], StringComparison.Ordinal);

        var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(callback["code"]));
        var id = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(rp.ClientId, id.Audiences.Single());
        Assert.Equal("n-123", id.GetClaim("nonce").Value);
        Assert.Equal("eidas1", id.GetClaim("acr").Value);
        Assert.Equal(account.IdNat, id.GetClaim("SubjectNameID").Value);
        Assert.Equal(account.IdNat, id.Subject);
        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal("direct", access.GetClaim("auth_mode").Value);
        Assert.False(string.IsNullOrEmpty(access.GetClaim("activity").Value));

        var userinfo = await UserinfoAsync(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, userinfo.StatusCode);
        var claims = await OidcTestClient.JsonAsync(userinfo);
        Assert.Equal(account.IdNat, claims.GetProperty("SubjectNameID").GetString());
        var exercise = claims.GetProperty("SubjectRefPro").GetProperty("exercices")[0];
        Assert.False(string.IsNullOrEmpty(exercise.GetProperty("codeProfession").GetString()));
        Assert.True(exercise.GetProperty("activities").GetArrayLength() >= 1);
        Assert.Contains("^", claims.GetProperty("SubjectRole")[0].GetString(), StringComparison.Ordinal);
        Assert.True(claims.TryGetProperty("SubjectOrganizationID", out _));

        // The signed form, on request.
        using var signedRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        signedRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        signedRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwt"));
        var signed = await factory.CreateClient().SendAsync(signedRequest);
        Assert.Equal("application/jwt", signed.Content.Headers.ContentType!.MediaType);
        var signedClaims = new JsonWebToken(await signed.Content.ReadAsStringAsync());
        Assert.Equal(account.IdNat, signedClaims.GetClaim("SubjectNameID").Value);
        Assert.Equal(rp.ClientId, signedClaims.Audiences.Single());
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_the_whole_family()
    {
        var (rp, tokens) = await LoggedInAsync();
        var first = tokens.GetProperty("refresh_token").GetString()!;
        var rotated = await OidcTestClient.JsonAsync(await rp.RefreshAsync(first));
        var second = rotated.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await UserinfoAsync(rotated.GetProperty("access_token").GetString()!)).StatusCode);

        var reuse = await rp.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(reuse)).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await rp.RefreshAsync(second))).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(rotated.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_sent_by_concurrent_requests_is_redeemed_once_and_the_race_revokes_the_family()
    {
        var (rp, tokens) = await LoggedInAsync(11);
        var handle = tokens.GetProperty("refresh_token").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await rp.RefreshAsync(handle)));

        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.BadRequest, loser.StatusCode);
            Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(loser)).GetProperty("error").GetString());
        }

        var won = await OidcTestClient.JsonAsync(winners[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(won.GetProperty("access_token").GetString()!)).StatusCode);
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await rp.RefreshAsync(won.GetProperty("refresh_token").GetString()!))).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_access_token_whose_family_another_host_revoked_stops_working_within_the_check_interval()
    {
        var (_, tokens) = await LoggedInAsync(12);
        var access = tokens.GetProperty("access_token").GetString()!;
        var familyId = Guid.Parse(new JsonWebToken(access).GetClaim("fid").Value);
        Assert.Equal(HttpStatusCode.OK, (await UserinfoAsync(access)).StatusCode);

        // Written straight to the database, as another host or the CLI would: this host's list is not told.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Socle.Connect.Storage.ConnectDbContext>();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Assert.Equal(1, await db.Families.Where(f => f.Id == familyId).ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAtMs, now)));
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        while ((status = (await UserinfoAsync(access)).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(factory.Services.GetRequiredService<Socle.Connect.Security.RevokedFamilies>().Lookup(familyId));
    }

    [Fact]
    public async Task The_revoked_families_list_holds_recent_revocations_and_says_when_it_is_not_current()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new Socle.Connect.ConnectOptions { RevocationCheckIntervalMs = 100, AccessTokenLifetimeSeconds = 3600 });
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var list = new Socle.Connect.Security.RevokedFamilies(clock, options);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (recent, old, active, later, local) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Socle.Connect.Storage.ConnectDbContext>();
        db.Families.AddRange(
            new Socle.Connect.Domain.TokenFamily { Id = recent, ClientId = "c", CreatedAtMs = now - 60_000, RevokedAtMs = now - 1_000 },
            new Socle.Connect.Domain.TokenFamily { Id = old, ClientId = "c", CreatedAtMs = now - 9_000_000, RevokedAtMs = now - 7_200_000 },
            new Socle.Connect.Domain.TokenFamily { Id = active, ClientId = "c", CreatedAtMs = now });
        await db.SaveChangesAsync();

        Assert.Null(list.Lookup(recent)); // never read: the database must answer
        await list.RefreshAsync(db, CancellationToken.None);
        Assert.True(list.Lookup(recent));
        Assert.False(list.Lookup(old)); // its access tokens have all expired
        Assert.False(list.Lookup(active));

        clock.Advance(TimeSpan.FromMilliseconds(50));
        db.Families.Add(new Socle.Connect.Domain.TokenFamily { Id = later, ClientId = "c", CreatedAtMs = now, RevokedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync();
        list.Add(local, clock.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.True(list.Lookup(local));
        Assert.False(list.Lookup(later));
        await list.RefreshAsync(db, CancellationToken.None);
        Assert.True(list.Lookup(later));

        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(list.Lookup(later)); // three intervals: still current
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(list.Lookup(later)); // past them without a refresh: the database must answer
    }

    [Fact]
    public async Task A_cached_client_is_read_again_once_its_cache_time_is_over_and_unknown_ids_are_not_kept()
    {
        var rp = await OidcTestClient.RegisterAsync(factory);
        var options = Microsoft.Extensions.Options.Options.Create(new Socle.Connect.ConnectOptions { ClientCacheMs = 2_000 });
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var cache = new Socle.Connect.Security.ClientCache(options, clock);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Socle.Connect.Storage.ConnectDbContext>();
        Assert.True((await cache.FindAsync(db, rp.ClientId, CancellationToken.None))!.Active);

        // Disabled in the database, as an operator or another host would: this host sees it when its copy expires.
        Assert.Equal(1, await db.Clients.Where(c => c.ClientId == rp.ClientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false)));
        clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.True((await cache.FindAsync(db, rp.ClientId, CancellationToken.None))!.Active);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False((await cache.FindAsync(db, rp.ClientId, CancellationToken.None))!.Active);

        Assert.Null(await cache.FindAsync(db, "unknown-client", CancellationToken.None));
        db.Clients.Add(new Socle.Connect.Domain.ClientApplication { ClientId = "unknown-client", Name = "late", Organisation = "540002698", Scopes = "directory.read" });
        await db.SaveChangesAsync();
        Assert.NotNull(await cache.FindAsync(db, "unknown-client", CancellationToken.None));
    }

    /// <summary>A clock that moves only when told, for both wall time and elapsed time.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => now;

        public override long GetTimestamp() => now.UtcTicks;

        public void Advance(TimeSpan by) => now += by;
    }

    [Fact]
    public async Task A_reused_authorization_code_is_refused_and_revokes_the_tokens_issued_from_it()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 1);
        var rp = await OidcTestClient.RegisterAsync(factory);
        var code = OidcTestClient.CallbackParameters(await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret))["code"];
        var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(code));
        var again = await rp.ExchangeCodeAsync(code);
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(again)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(tokens.GetProperty("access_token").GetString()!)).StatusCode);
        var introspection = await OidcTestClient.JsonAsync(await rp.TokenAsync(new() { ["token"] = tokens.GetProperty("refresh_token").GetString()! }, "/connect/introspect"));
        Assert.False(introspection.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_PKCE_verifier_or_redirect_uri_gets_invalid_grant_and_no_token()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 2);
        var rp = await OidcTestClient.RegisterAsync(factory);
        var code = OidcTestClient.CallbackParameters(await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret))["code"];
        var wrongVerifier = await rp.ExchangeCodeAsync(code, verifier: new string('a', 43));
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(wrongVerifier)).GetProperty("error").GetString());
        var otherRedirect = await rp.ExchangeCodeAsync(code, redirectUri: OidcTestClient.RedirectUri + "/");
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(otherRedirect)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await rp.ExchangeCodeAsync(code)).StatusCode);
    }

    [Fact]
    public async Task Authorization_requests_without_S256_PKCE_or_with_an_unregistered_redirect_are_refused()
    {
        var rp = await OidcTestClient.RegisterAsync(factory);
        var noPkce = await rp.Browser.GetAsync(rp.AuthorizeUrl(challengeMethod: null));
        Assert.Equal("invalid_request", OidcTestClient.CallbackParameters(noPkce)["error"]);

        var plain = await rp.Browser.GetAsync(rp.AuthorizeUrl(challengeMethod: "plain"));
        Assert.Equal("invalid_request", OidcTestClient.CallbackParameters(plain)["error"]);

        // A slightly different redirect URI never receives anything: the error is shown by Socle itself.
        var other = await rp.FollowAsync(rp.AuthorizeUrl(redirectUri: OidcTestClient.RedirectUri + "?x=1"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("redirect_uri", await OidcTestClient.TextAsync(other), StringComparison.Ordinal);

        var unknown = await rp.FollowAsync("/connect/authorize?client_id=nobody&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required()
    {
        var rp = await OidcTestClient.RegisterAsync(factory);
        var response = await rp.Browser.GetAsync(rp.AuthorizeUrl(prompt: "none"));
        Assert.Equal("login_required", OidcTestClient.CallbackParameters(response)["error"]);
    }

    [Fact]
    public async Task A_session_is_reused_until_prompt_login_or_max_age_asks_for_a_new_login()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 3);
        var rp = await OidcTestClient.RegisterAsync(factory);
        OidcTestClient.CallbackParameters(await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret));

        var silent = await rp.FollowAsync(rp.AuthorizeUrl(prompt: "none"));
        Assert.True(OidcTestClient.CallbackParameters(silent).ContainsKey("code"));

        var forced = await rp.FollowAsync(rp.AuthorizeUrl(prompt: "login"));
        Assert.Equal("/connect/login", forced.RequestMessage!.RequestUri!.AbsolutePath);

        await Task.Delay(1100);
        var tooOld = await rp.FollowAsync(rp.AuthorizeUrl(maxAge: 0));
        Assert.Equal("/connect/login", tooOld.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_replayed_TOTP_code_is_refused()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 4);
        var rp = await OidcTestClient.RegisterAsync(factory);
        var code = OidcTestClient.CurrentTotp(account.TotpSecret);
        var page = await rp.SubmitAsync(await rp.FollowAsync(rp.AuthorizeUrl()), new Dictionary<string, string> { ["Login"] = account.Login, ["Password"] = account.Password });
        OidcTestClient.CallbackParameters(await rp.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = code }));

        var second = await OidcTestClient.RegisterAsync(factory);
        page = await second.SubmitAsync(await second.FollowAsync(second.AuthorizeUrl()), new Dictionary<string, string> { ["Login"] = account.Login, ["Password"] = account.Password });
        var replay = await second.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("déjà utilisé", await OidcTestClient.TextAsync(replay), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_progressively_and_are_audited()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 5);
        var rp = await OidcTestClient.RegisterAsync(factory);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await rp.SubmitAsync(await rp.FollowAsync(rp.AuthorizeUrl()), new Dictionary<string, string> { ["Login"] = account.Login, ["Password"] = "wrong-password-" + i });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var locked = await rp.SubmitAsync(await rp.FollowAsync(rp.AuthorizeUrl()), new Dictionary<string, string> { ["Login"] = account.Login, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Trop de tentatives", await OidcTestClient.TextAsync(locked), StringComparison.Ordinal);
        Assert.True(await AuditCountAsync("connect.lockout") >= 1);
    }

    [Fact]
    public async Task Logout_with_an_id_token_hint_ends_the_session_and_revokes_its_tokens()
    {
        var (rp, tokens) = await LoggedInAsync(6);
        var url = $"/connect/logout?id_token_hint={tokens.GetProperty("id_token").GetString()}&post_logout_redirect_uri={Uri.EscapeDataString(OidcTestClient.LogoutUri)}&state=bye";
        var response = await rp.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OidcTestClient.LogoutUri + "?state=bye", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(tokens.GetProperty("access_token").GetString()!)).StatusCode);
        var again = await rp.Browser.GetAsync(rp.AuthorizeUrl(prompt: "none"));
        Assert.Equal("login_required", OidcTestClient.CallbackParameters(again)["error"]);

        var foreign = await rp.Browser.GetAsync($"/connect/logout?id_token_hint={tokens.GetProperty("id_token").GetString()}&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("n'est pas enregistrée", await OidcTestClient.TextAsync(foreign), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_is_asked_once_remembered_and_revocable()
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, 7);
        var rp = await OidcTestClient.RegisterAsync(factory, requireConsent: true);
        var page = await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret);
        Assert.Equal("/connect/consent", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Logiciel de test", await OidcTestClient.TextAsync(page), StringComparison.Ordinal);
        OidcTestClient.CallbackParameters(await rp.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = "accept" }));

        Assert.True(OidcTestClient.CallbackParameters(await rp.FollowAsync(rp.AuthorizeUrl(prompt: "none"))).ContainsKey("code"));

        var accountPage = await rp.FollowAsync("/connect/account");
        var revoked = await rp.SubmitAsync(accountPage, new Dictionary<string, string> { ["ClientId"] = rp.ClientId });
        Assert.Contains("retirée", await OidcTestClient.TextAsync(revoked), StringComparison.Ordinal);
        Assert.Equal("consent_required", OidcTestClient.CallbackParameters(await rp.FollowAsync(rp.AuthorizeUrl(prompt: "none")))["error"]);
    }

    [Fact]
    public async Task Introspection_and_revocation_follow_RFC_7662_and_7009()
    {
        var (rp, tokens) = await LoggedInAsync(8);
        var access = tokens.GetProperty("access_token").GetString()!;
        var active = await OidcTestClient.JsonAsync(await rp.TokenAsync(new() { ["token"] = access }, "/connect/introspect"));
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal("direct", active.GetProperty("auth_mode").GetString());

        var unauthenticated = await factory.CreateClient().PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = access }));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await rp.TokenAsync(new() { ["token"] = tokens.GetProperty("refresh_token").GetString()! }, "/connect/revoke")).StatusCode);
        Assert.False((await OidcTestClient.JsonAsync(await rp.TokenAsync(new() { ["token"] = access }, "/connect/introspect"))).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await rp.TokenAsync(new() { ["token"] = "not-a-token" }, "/connect/revoke")).StatusCode);
    }

    [Fact]
    public async Task Tampered_unsigned_or_wrong_audience_tokens_are_rejected()
    {
        var (_, tokens) = await LoggedInAsync(9);
        var access = tokens.GetProperty("access_token").GetString()!;
        var parts = access.Split('.');
        var tampered = parts[0] + "." + parts[1][..^2] + (parts[1][^2] == 'A' ? "B" : "A") + parts[1][^1] + "." + parts[2];
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(tampered)).StatusCode);

        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(header + "." + parts[1] + ".")).StatusCode);

        // An ID token is for the client, not for Socle's APIs.
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserinfoAsync(tokens.GetProperty("id_token").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task A_remembered_token_is_still_refused_under_another_issuer_address()
    {
        var (_, tokens) = await LoggedInAsync(13);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await UserinfoAsync(access)).StatusCode);
        Assert.True(factory.Services.GetRequiredService<Socle.Connect.Security.CachingJsonWebTokenHandler>().Count > 0);

        // The issuer follows the request's address: this token was issued for http://localhost/connect.
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        request.Headers.Host = "socle.other.example";
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UserinfoAsync(access)).StatusCode);
    }

    [Fact]
    public async Task Unknown_client_and_wrong_secret_get_invalid_client()
    {
        var rp = await OidcTestClient.RegisterAsync(factory);
        var wrong = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = OidcTestClient.RedirectUri, ["code_verifier"] = new string('a', 43),
            ["client_id"] = rp.ClientId, ["client_secret"] = "wrong",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await OidcTestClient.JsonAsync(wrong)).GetProperty("error").GetString());
        var unknownGrant = await rp.TokenAsync(new() { ["grant_type"] = "password" });
        Assert.Equal("unsupported_grant_type", (await OidcTestClient.JsonAsync(unknownGrant)).GetProperty("error").GetString());
    }

    private async Task<(OidcTestClient Rp, JsonElement Tokens)> LoggedInAsync(int accountIndex = 10)
    {
        var account = await OidcTestClient.SandboxProfessionalAsync(factory, accountIndex);
        var rp = await OidcTestClient.RegisterAsync(factory);
        var code = OidcTestClient.CallbackParameters(await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret))["code"];
        var response = await rp.ExchangeCodeAsync(code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (rp, await OidcTestClient.JsonAsync(response));
    }

    private Task<HttpResponseMessage> UserinfoAsync(string accessToken)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http.GetAsync("/connect/userinfo");
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Socle.Audit.Storage.AuditDbContext>();
        return await db.Entries.CountAsync(e => e.Action == action);
    }
}
