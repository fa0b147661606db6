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
        var scopes = new Option<string>("--scopes") { Description = "Space-separated scopes, e.g. \"identity.ins identity.read\"", Required = true };
        var add = new Command("add", "Register a software client; prints {\"client_id\", \"client_secret\"} (the secret is shown once)") { name, organisation, scopes };
        add.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var registry = scope.ServiceProvider.GetRequiredService<IClientRegistry>();
            var client = await registry.RegisterAsync(
                new ClientRegistration(parse.GetValue(name)!, parse.GetValue(organisation)!, [parse.GetValue(scopes)!]), ct);
            Console.Out.WriteLine(CliJson.Write(new ClientCredentials(client.ClientId, client.ClientSecret)));
            return 0;
        });
        return new Command("clients", "Software clients of the OAuth 2.0 token service") { add };
    }
}
