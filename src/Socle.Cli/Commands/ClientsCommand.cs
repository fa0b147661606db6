using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Contracts;

namespace Socle.Cli.Commands;

internal static class ClientsCommand
{
    public static Command Create(string[] rawArgs)
    {
        var name = new Option<string>("--name") { Description = "Display name of the software", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "FINESS of the organisation it acts for", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Space-separated scopes, e.g. \"openid scope_all directory.read\"", Required = true };
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "Redirect URI of the code flow (repeatable; compared exactly)", AllowMultipleArgumentsPerToken = false };
        var logoutUris = new Option<string[]>("--post-logout-redirect-uri") { Description = "Where logout may send the browser back (repeatable)" };
        var grantTypes = new Option<string>("--grant-types") { Description = "Space-separated: client_credentials authorization_code refresh_token urn:ietf:params:oauth:grant-type:jwt-bearer (default client_credentials)" };
        var requireConsent = new Option<bool>("--require-consent") { Description = "Ask the person's consent before the first authorization: true|false" };
        var isPublic = new Option<bool>("--public") { Description = "A public client (browser or mobile app): no secret, PKCE only" };
        var publicKey = new Option<FileInfo>("--public-key") { Description = "PEM public key (EC P-256 or RSA) for private_key_jwt and JWT assertions (indirect authentication)" };
        var add = new Command("add", "Register a client; prints {\"client_id\", \"client_secret\"} (the secret is shown once)")
        {
            name, organisation, scopes, redirectUris, logoutUris, grantTypes, requireConsent, isPublic, publicKey,
        };
        add.SetAction(async (parse, ct) =>
        {
            var keyFile = parse.GetValue(publicKey);
            if (keyFile is { Exists: false } || keyFile?.Length > 16_384)
            {
                await Console.Error.WriteLineAsync("--public-key must name a PEM file of at most 16 KiB.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<IClientRegistry>();
            var client = await registry.RegisterAsync(
                new ClientRegistration(parse.GetValue(name)!, parse.GetValue(organisation)!, [parse.GetValue(scopes)!])
                {
                    RedirectUris = parse.GetValue(redirectUris) ?? [],
                    PostLogoutRedirectUris = parse.GetValue(logoutUris) ?? [],
                    GrantTypes = parse.GetValue(grantTypes) is { } g ? [g] : [],
                    RequireConsent = parse.GetValue(requireConsent),
                    Public = parse.GetValue(isPublic),
                    PublicKeyPem = keyFile is null ? null : await File.ReadAllTextAsync(keyFile.FullName, ct),
                }, ct);
            Console.Out.WriteLine(CliJson.Write(new ClientCredentials(client.ClientId, client.ClientSecret)));
            return 0;
        });
        return new Command("clients", "Software clients of the OAuth 2.0 / OpenID Connect provider") { add };
    }
}
