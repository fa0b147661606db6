using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Contracts;

namespace Socle.Cli.Commands;

/// <summary><c>socle accounts</c> (people's logins) and <c>socle keys rotate</c> (the provider's signing keys).</summary>
internal static class AccountsCommand
{
    public static Command Create(string[] rawArgs)
    {
        var idNat = new Option<string>("--idnat") { Description = "IdNat_PS (or RPPS) of a directory professional", Required = true };
        var createPro = new Command("create-pro", "Create a professional's account; prints the one-time initial password (TOTP is enrolled at first login)") { idNat };
        createPro.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().CreateProfessionalAsync(parse.GetValue(idNat)!, ct);
            Console.Out.WriteLine(CliJson.Write(account));
            return 0;
        });

        var ins = new Option<string>("--ins") { Description = "INS (NIR) of a qualified identity of the Identity module", Required = true };
        var email = new Option<string>("--email") { Description = "E-mail address: the login, and where one-time codes may go" };
        var createPatient = new Command("create-patient", "Create a pending patient account; prints the activation code and writes it to the outbox") { ins, email };
        createPatient.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var enrolment = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().CreatePatientAsync(parse.GetValue(ins)!, parse.GetValue(email), ct);
            Console.Out.WriteLine(CliJson.Write(enrolment));
            return 0;
        });

        return new Command("accounts", "People's accounts of the OpenID Connect provider") { createPro, createPatient };
    }

    public static Command CreateKeys(string[] rawArgs)
    {
        var rotate = new Command("rotate", "The published next key starts signing; the current one stays published until its tokens expire");
        rotate.SetAction(async (_, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var kid = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().RotateSigningKeysAsync(ct);
            Console.Out.WriteLine($"Signing with key {kid}; a new next key is published.");
            return 0;
        });
        return new Command("keys", "Signing keys of the provider") { rotate };
    }
}
