using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Socle.Connect.Contracts;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Connect;

/// <summary>Patient accounts (activation, TOTP enrolment), professional accounts created by an operator, indirect authentication.</summary>
public abstract class ConnectPeopleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    [Fact]
    public async Task A_patient_activates_the_account_enrols_TOTP_and_gets_tokens_without_the_NIR()
    {
        await using var scope = OperatorScope.Create(factory);
        var admin = scope.ServiceProvider.GetRequiredService<IAccountAdministration>();
        var enrolled = await admin.SandboxPatientsAsync(1, CancellationToken.None);
        var ins = enrolled[0].Ins;

        // A second, operator-made account for another qualified identity: pending until activated.
        var other = (await scope.ServiceProvider.GetRequiredService<Socle.Identity.Contracts.ISandboxIdentities>().EnrolQualifiedAsync("750000010", 2, CancellationToken.None))[1];
        var enrolment = await admin.CreatePatientAsync(other.Ins!, "patient.test@example.org", CancellationToken.None);
        Assert.True(File.Exists(enrolment.DeliveredTo));
        Assert.Contains(enrolment.ActivationCode, await File.ReadAllTextAsync(enrolment.DeliveredTo!), StringComparison.Ordinal);
        await Assert.ThrowsAsync<Socle.BuildingBlocks.Errors.DomainException>(() => admin.CreatePatientAsync(other.Ins!, null, CancellationToken.None));

        var rp = await OidcTestClient.RegisterAsync(factory, scopes: "openid profile");
        var activation = await rp.FollowAsync("/connect/activate");
        var enrol = await rp.SubmitAsync(activation, new Dictionary<string, string>
        {
            ["Login"] = enrolment.Login, ["ActivationCode"] = enrolment.ActivationCode, ["Password"] = "Un mot de passe solide", ["SecondFactor"] = "totp",
        });
        Assert.Equal("/connect/enrol-totp", enrol.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await enrol.Content.ReadAsStringAsync();
        Assert.Contains("data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"secret\">(?<s>[A-Z2-7]+)<").Groups["s"].Value;
        var done = await rp.SubmitAsync(enrol, new Dictionary<string, string> { ["Code"] = OidcTestClient.CurrentTotp(secret) });
        Assert.Equal("/connect/account", done.RequestMessage!.RequestUri!.AbsolutePath);

        // The activation code works once.
        var reuse = await rp.SubmitAsync(await rp.FollowAsync("/connect/activate"), new Dictionary<string, string>
        {
            ["Login"] = enrolment.Login, ["ActivationCode"] = enrolment.ActivationCode, ["Password"] = "Un autre mot de passe", ["SecondFactor"] = "totp",
        });
        Assert.Contains("incorrect", await OidcTestClient.TextAsync(reuse), StringComparison.Ordinal);

        var code = OidcTestClient.CallbackParameters(await rp.FollowAsync(rp.AuthorizeUrl(scope: "openid profile")))["code"];
        var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(code));
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(other.Id.ToString("N"), new JsonWebToken(access).GetClaim("patient_id").Value);
        foreach (var token in new[] { access, tokens.GetProperty("id_token").GetString()! })
        {
            Assert.DoesNotContain(other.Ins!, Base64UrlEncoder.Decode(token.Split('.')[1]), StringComparison.Ordinal);
        }

        Assert.NotEqual(ins, other.Ins);
    }

    [Fact]
    public async Task A_patient_with_e_mailed_codes_logs_in_and_changes_the_password()
    {
        await using var scope = OperatorScope.Create(factory);
        var admin = scope.ServiceProvider.GetRequiredService<IAccountAdministration>();
        var identity = (await scope.ServiceProvider.GetRequiredService<Socle.Identity.Contracts.ISandboxIdentities>().EnrolQualifiedAsync("750000010", 6, CancellationToken.None))[5];
        var enrolment = await admin.CreatePatientAsync(identity.Ins!, "patiente.courriel@example.org", CancellationToken.None);
        var outbox = Path.GetDirectoryName(enrolment.DeliveredTo)!;
        string LatestCode()
        {
            // Outbox files are named by their time to the millisecond: the last one with a code is this login's.
            var text = System.IO.Directory.GetFiles(outbox).OrderDescending(StringComparer.Ordinal)
                .Select(File.ReadAllText).First(t => t.Contains("Votre code de connexion", StringComparison.Ordinal));
            return System.Text.RegularExpressions.Regex.Match(text, "Votre code de connexion : (?<c>[0-9]{6})").Groups["c"].Value;
        }

        // Activation with the e-mailed second factor: a code goes to the outbox, and it completes the login.
        var rp = await OidcTestClient.RegisterAsync(factory, scopes: "openid profile");
        var second = await rp.SubmitAsync(await rp.FollowAsync("/connect/activate"), new Dictionary<string, string>
        {
            ["Login"] = enrolment.Login, ["ActivationCode"] = enrolment.ActivationCode, ["Password"] = "Un mot de passe solide", ["SecondFactor"] = "email",
        });
        Assert.Equal("/connect/second-factor", second.RequestMessage!.RequestUri!.AbsolutePath);
        var wrong = await rp.SubmitAsync(second, new Dictionary<string, string> { ["Code"] = "000000" == LatestCode() ? "000001" : "000000" });
        Assert.Contains("Code incorrect", await OidcTestClient.TextAsync(wrong), StringComparison.Ordinal);
        var account = await rp.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = LatestCode() });
        Assert.Equal("/connect/account", account.RequestMessage!.RequestUri!.AbsolutePath);

        // Password change: the current password is required, both entries must agree, then only the new one works.
        var page = await rp.FollowAsync("/connect/password");
        var refused = await rp.SubmitAsync(page, new Dictionary<string, string> { ["Current"] = "pas le bon mot de passe", ["Replacement"] = "Une phrase de passe neuve", ["Confirmation"] = "Une phrase de passe neuve" });
        Assert.DoesNotContain("a été changé", await OidcTestClient.TextAsync(refused), StringComparison.Ordinal);
        var mismatch = await rp.SubmitAsync(page, new Dictionary<string, string> { ["Current"] = "Un mot de passe solide", ["Replacement"] = "Une phrase de passe neuve", ["Confirmation"] = "Une autre phrase" });
        Assert.Contains("diffèrent", await OidcTestClient.TextAsync(mismatch), StringComparison.Ordinal);
        var changed = await rp.SubmitAsync(page, new Dictionary<string, string> { ["Current"] = "Un mot de passe solide", ["Replacement"] = "Une phrase de passe neuve", ["Confirmation"] = "Une phrase de passe neuve" });
        Assert.Contains("Votre mot de passe a été changé.", await OidcTestClient.TextAsync(changed), StringComparison.Ordinal);

        var browser = await OidcTestClient.RegisterAsync(factory, scopes: "openid profile");
        var oldLogin = await browser.SubmitAsync(await browser.FollowAsync(browser.AuthorizeUrl(scope: "openid profile")), new Dictionary<string, string> { ["Login"] = enrolment.Login, ["Password"] = "Un mot de passe solide" });
        Assert.NotEqual("/connect/second-factor", oldLogin.RequestMessage!.RequestUri!.AbsolutePath);
        var newLogin = await browser.SubmitAsync(oldLogin, new Dictionary<string, string> { ["Login"] = enrolment.Login, ["Password"] = "Une phrase de passe neuve" });
        Assert.Equal("/connect/second-factor", newLogin.RequestMessage!.RequestUri!.AbsolutePath);
        var callback = await browser.SubmitAsync(newLogin, new Dictionary<string, string> { ["Code"] = LatestCode() });
        var tokens = await OidcTestClient.JsonAsync(await browser.ExchangeCodeAsync(OidcTestClient.CallbackParameters(callback)["code"]));
        Assert.Equal(identity.Id.ToString("N"), new JsonWebToken(tokens.GetProperty("access_token").GetString()!).GetClaim("patient_id").Value);
    }

    [Fact]
    public async Task An_expired_activation_code_is_refused()
    {
        await using var scope = OperatorScope.Create(factory);
        var identity = (await scope.ServiceProvider.GetRequiredService<Socle.Identity.Contracts.ISandboxIdentities>().EnrolQualifiedAsync("750000010", 3, CancellationToken.None))[2];
        var enrolment = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().CreatePatientAsync(identity.Ins!, null, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<Socle.Connect.Storage.ConnectDbContext>();
        await db.Accounts.Where(a => a.Login == enrolment.Login).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActivationExpiresAtMs, 1L));

        var rp = await OidcTestClient.RegisterAsync(factory);
        var page = await rp.SubmitAsync(await rp.FollowAsync("/connect/activate"), new Dictionary<string, string>
        {
            ["Login"] = enrolment.Login, ["ActivationCode"] = enrolment.ActivationCode, ["Password"] = "Un mot de passe solide", ["SecondFactor"] = "totp",
        });
        Assert.Contains("expiré", await OidcTestClient.TextAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_created_professional_enrols_TOTP_by_QR_code_at_first_login()
    {
        var idNat = (await OidcTestClient.SandboxProfessionalAsync(factory, 20)).IdNat;
        await using var scope = OperatorScope.Create(factory);
        var db = scope.ServiceProvider.GetRequiredService<Socle.Connect.Storage.ConnectDbContext>();
        await db.Accounts.Where(a => a.IdNat == idNat).ExecuteDeleteAsync();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().CreateProfessionalAsync(idNat, CancellationToken.None);

        var rp = await OidcTestClient.RegisterAsync(factory);
        var page = await rp.SubmitAsync(await rp.FollowAsync(rp.AuthorizeUrl()), new Dictionary<string, string> { ["Login"] = created.Login, ["Password"] = created.InitialPassword });
        Assert.Equal("/connect/enrol-totp", page.RequestMessage!.RequestUri!.AbsolutePath);
        var secret = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "id=\"secret\">(?<s>[A-Z2-7]+)<").Groups["s"].Value;
        var wrong = await rp.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = "000000" == OidcTestClient.CurrentTotp(secret) ? "111111" : "000000" });
        Assert.Contains("Code incorrect", await OidcTestClient.TextAsync(wrong), StringComparison.Ordinal);
        var next = await rp.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = OidcTestClient.CurrentTotp(secret) });
        if (next.RequestMessage!.RequestUri!.AbsolutePath == "/connect/activity")
        {
            var id = System.Text.RegularExpressions.Regex.Match(await next.Content.ReadAsStringAsync(), "name=\"ActivityId\" value=\"(?<id>[^\"]+)\"").Groups["id"].Value;
            next = await rp.SubmitAsync(next, new Dictionary<string, string> { ["ActivityId"] = id });
        }

        Assert.True(OidcTestClient.CallbackParameters(next).ContainsKey("code"));
    }

    [Fact]
    public async Task Access_tokens_carry_a_doctors_specialty_and_a_pharmacists_section_of_the_chosen_activity()
    {
        await using var scope = OperatorScope.Create(factory);
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountAdministration>();
        var directory = scope.ServiceProvider.GetRequiredService<Socle.Directory.Contracts.IDirectory>();

        // The 25th of each profession: past the first professionals of every kind, which this class's other tests use.
        foreach (var profession in new[] { "10", "21" })
        {
            var account = (await accounts.SandboxProfessionalsAsync(25, profession, CancellationToken.None)).Last();
            var rp = await OidcTestClient.RegisterAsync(factory);
            var callback = await rp.LoginAsync(rp.AuthorizeUrl(), account.Login, account.Password, account.TotpSecret);
            var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(OidcTestClient.CallbackParameters(callback)["code"]));
            var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
            var professional = (await directory.FindProfessionalAsync(account.IdNat, CancellationToken.None))!;
            var activity = professional.Activities.Single(a => a.Id == access.GetClaim("activity").Value);
            Assert.Equal(profession, access.GetClaim("profession").Value);
            if (profession == "10")
            {
                var specialty = professional.Specialties.First(s => s.ProfessionCode == "10").Value.Code;
                Assert.Equal(specialty, access.GetClaim("specialty").Value);
                Assert.False(access.TryGetClaim("pharmacist_section", out _));
            }
            else
            {
                Assert.Equal(activity.PharmacistSection!.Code, access.GetClaim("pharmacist_section").Value);
            }
        }
    }

    [Fact]
    public async Task An_organisation_obtains_an_indirect_token_with_a_signed_assertion()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var scope = OperatorScope.Create(factory);

        // The organisation is the FINESS site of a sandbox professional's activity; an outsider exercises elsewhere only.
        var directory = scope.ServiceProvider.GetRequiredService<Socle.Directory.Contracts.IDirectory>();
        var people = new List<Socle.Directory.Contracts.Professional>();
        foreach (var account in await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(80, null, CancellationToken.None))
        {
            people.Add((await directory.FindProfessionalAsync(account.IdNat, CancellationToken.None))!);
        }

        var staff = people.Skip(21).First(p => p.Activities.Any(a => a.Structure?.FinessSite is not null));
        var finess = staff.Activities.First(a => a.Structure?.FinessSite is not null).Structure!.FinessSite!;
        var outsider = people.First(p => p.Activities.Count > 0 && p.Activities.All(a => a.Structure?.FinessSite != finess && a.Structure?.FinessLegalEntity != finess));
        var client = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(
            new ClientRegistration("DPI hôpital", finess, ["directory.read"])
            {
                GrantTypes = ["urn:ietf:params:oauth:grant-type:jwt-bearer"],
                PublicKeyPem = key.ExportSubjectPublicKeyInfoPem(),
            }, CancellationToken.None);
        var idNat = staff.IdNat;
        var http = factory.CreateClient();
        var tokenEndpoint = new Uri(http.BaseAddress!, "/connect/token").ToString();

        string Assertion(string? sub, string[]? amr, string audience, string alg = "ES256", string? activity = null)
        {
            var claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("N") };
            if (amr is not null)
            {
                claims["amr"] = amr;
            }

            if (activity is not null)
            {
                claims["activity"] = activity;
            }

            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = client.ClientId,
                Subject = sub is null ? null : new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", sub)]),
                Audience = audience,
                Expires = DateTime.UtcNow.AddMinutes(2),
                Claims = claims,
                SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), alg),
            });
        }

        async Task<HttpResponseMessage> Post(string assertion) => await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret!,
        }));

        var good = Assertion(idNat, ["pwd", "otp"], tokenEndpoint);
        var response = await Post(good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = new JsonWebToken((await OidcTestClient.JsonAsync(response)).GetProperty("access_token").GetString());
        Assert.Equal("indirect", access.GetClaim("auth_mode").Value);
        Assert.Equal(idNat, access.GetClaim("idnat").Value);
        Assert.Equal(finess, staff.Activities.Single(a => a.Id == access.GetClaim("activity").Value).Structure!.FinessSite);

        // The organisation vouches for its own professionals only, whichever activity the assertion names.
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await Post(Assertion(outsider.IdNat, ["pwd", "otp"], tokenEndpoint)))).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await Post(Assertion(outsider.IdNat, ["pwd", "otp"], tokenEndpoint, activity: outsider.Activities[0].Id)))).GetProperty("error").GetString());

        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await Post(good))).GetProperty("error").GetString()); // jti replay
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await Post(Assertion(idNat, ["pwd"], tokenEndpoint)))).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await OidcTestClient.JsonAsync(await Post(Assertion("899999999999", ["otp"], tokenEndpoint)))).GetProperty("error").GetString());
        Assert.Equal("invalid_client", (await OidcTestClient.JsonAsync(await Post(Assertion(idNat, ["otp"], "https://elsewhere.example/token")))).GetProperty("error").GetString());
        var parts = Assertion(idNat, ["otp"], tokenEndpoint).Split('.');
        var unsigned = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        Assert.Equal("invalid_client", (await OidcTestClient.JsonAsync(await Post(unsigned))).GetProperty("error").GetString());

        var db = scope.ServiceProvider.GetRequiredService<Socle.Audit.Storage.AuditDbContext>();
        Assert.True(await db.Entries.AnyAsync(e => e.Action == "connect.token" && e.Detail!.Contains("auth_mode=indirect")));
    }

    [Fact]
    public async Task Key_rotation_keeps_the_previous_key_published_and_signs_with_the_next()
    {
        var http = factory.CreateClient();
        var before = (await OidcTestClient.JsonAsync(await http.GetAsync("/connect/jwks"))).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        await using var scope = OperatorScope.Create(factory);
        var active = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().RotateSigningKeysAsync(CancellationToken.None);
        var after = (await OidcTestClient.JsonAsync(await http.GetAsync("/connect/jwks"))).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(active, before);
        Assert.All(before, kid => Assert.Contains(kid, after));
        Assert.True(after.Count > before.Count);

        var client = await SocleTestClient.CreateAsync(factory, "directory.read");
        var token = await client.RequestTokenAsync();
        Assert.Equal(active, new JsonWebToken(token).Kid);
    }
}
