using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Socle.Connect.Contracts;
using Socle.Directory.Contracts;
using Socle.Host.Tests.Connect;

namespace Socle.Host.Tests.Browser;

/// <summary>
/// Real browser, real relying party: a web application built on openid-client (node, not Socle's code) logs a
/// sandbox professional in through Socle's French pages with a TOTP code, and receives PSC-shaped claims.
/// </summary>
public sealed class ProfessionalLoginBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string RelyingPartyDirectory = Path.Combine(AppContext.BaseDirectory, "Browser", "rp");

    [Fact]
    public async Task A_standard_OIDC_client_logs_a_professional_in_with_TOTP_and_gets_PSC_claims()
    {
        var port = FreePort();
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(
            new ClientRegistration("Logiciel de cabinet", "540002698", ["openid scope_all"])
            {
                GrantTypes = ["authorization_code refresh_token"],
                RedirectUris = [$"http://127.0.0.1:{port}/callback"],
                RequireConsent = true,
            }, CancellationToken.None);
        var account = (await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(1, "10", CancellationToken.None))[0];

        using var rp = await StartRelyingPartyAsync(fixture.Host.BaseAddress + "/connect", client.ClientId, client.ClientSecret!, port);
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "fr-FR" });
        await page.GotoAsync($"http://127.0.0.1:{port}/login");

        Assert.Equal("Connexion", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("Identifiant").FillAsync(account.Login);
        await page.GetByLabel("Mot de passe").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.GetByLabel("Code à usage unique").FillAsync(OidcTestClient.CurrentTotp(account.TotpSecret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        if (page.Url.Contains("/connect/activity", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Radio).First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        }

        Assert.Contains("/connect/consent", page.Url, StringComparison.Ordinal);
        Assert.Contains("Logiciel de cabinet", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Autoriser" }).ClickAsync();

        await page.Locator("#result").WaitForAsync();
        var result = JsonDocument.Parse(await page.Locator("#result").InnerTextAsync()).RootElement;
        Assert.Equal("eidas1", result.GetProperty("idToken").GetProperty("acr").GetString());
        Assert.Equal(account.IdNat, result.GetProperty("userinfo").GetProperty("SubjectNameID").GetString());
        Assert.Equal("10", result.GetProperty("userinfo").GetProperty("SubjectRefPro").GetProperty("exercices")[0].GetProperty("codeProfession").GetString());
        Assert.True(result.GetProperty("refreshToken").GetBoolean());
        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(screenshot.Length > 1000);
    }

    [Fact]
    public async Task The_TOTP_enrolment_page_shows_a_QR_code_and_every_field_has_a_label()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var idNat = (await scope.ServiceProvider.GetRequiredService<ISandboxDirectory>().ListProfessionalsAsync(40, null, CancellationToken.None))[^1];
        var created = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().CreateProfessionalAsync(idNat, CancellationToken.None);
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Host.BaseAddress + "/connect/login");
        await page.GetByLabel("Identifiant").FillAsync(created.Login);
        await page.GetByLabel("Mot de passe").FillAsync(created.InitialPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        Assert.Contains("/connect/enrol-totp", page.Url, StringComparison.Ordinal);
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "Code QR à scanner avec votre application d'authentification" });
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var secret = await page.Locator("#secret").InnerTextAsync();
        await page.GetByLabel("Code affiché par l'application").FillAsync(OidcTestClient.CurrentTotp(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Associer" }).ClickAsync();
        Assert.Contains("/connect/account", page.Url, StringComparison.Ordinal);
        Assert.Equal(created.Login, await page.Locator("#identifiant").InnerTextAsync());
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<RelyingParty> StartRelyingPartyAsync(string issuer, string clientId, string secret, int port)
    {
        if (!System.IO.Directory.Exists(Path.Combine(RelyingPartyDirectory, "node_modules", "openid-client")))
        {
            throw new InvalidOperationException($"The test relying party is not installed: run `npm ci --prefix tests/Socle.Host.Tests/Browser/rp` (scripts/test.sh does it).");
        }

        var relyingParty = new RelyingParty(Process.Start(new ProcessStartInfo("node", ["rp.mjs", issuer, clientId, secret, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = RelyingPartyDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!);
        string? ready = null;
        try
        {
            ready = await relyingParty.Output.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (ready != "ready")
            {
                relyingParty.Stop();
            }
        }

        return ready == "ready" ? relyingParty : throw new InvalidOperationException("The relying party did not start: " + await relyingParty.Errors.ReadToEndAsync());
    }

    /// <summary>The Node relying party, stopped with the test: disposing a Process leaves it running, and it outlived the test run.</summary>
    private sealed class RelyingParty(Process process) : IDisposable
    {
        public StreamReader Output => process.StandardOutput;

        public StreamReader Errors => process.StandardError;

        public void Stop()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }

        public void Dispose()
        {
            Stop();
            process.Dispose();
        }
    }
}
