using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Contracts;
using Socle.Identity.Contracts;

namespace Socle.Cli.Commands;

internal static class SandboxCommand
{
    public static Command Create(string[] rawArgs)
    {
        var identitiesOption = new Option<long>("--identities") { Description = "Size of the synthetic national population", Required = true };
        var seed = new Command("seed", "Grow the synthetic national population to N identities (deterministic, appends only)") { identitiesOption };
        seed.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(identitiesOption);
            if (target is < 1 or > 100_000_000)
            {
                await Console.Error.WriteLineAsync("--identities must be from 1 to 100000000.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var sandbox = scope.ServiceProvider.GetRequiredService<ISandboxIdentities>();
            var watch = Stopwatch.StartNew();
            SeedResult? result = null;
            await Progress.Run("Seeding reference identities", target, async report => result = await sandbox.SeedAsync(target, report, ct));
            Console.Out.WriteLine($"Reference population: {result!.Existing + result.Added} identities ({result.Added} added in {watch.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        });

        var homonyms = new Option<bool>("--homonyms") { Description = "Only identities with a homonym (INSi answers 02 on their traits without birthplace)" };
        var identities = ListCommand(
            rawArgs, "identities", "Print reference identities (traits + INS) as a JSON array", "identities", 10, 100_000,
            (services, parse, k, ct) => services.GetRequiredService<ISandboxIdentities>().ListAsync(k, parse.GetValue(homonyms), ct));
        identities.Add(homonyms);

        var profession = new Option<string>("--profession") { Description = "Only professionals of this profession (TRE_G15 code, e.g. 10 doctor, 21 pharmacist, 60 nurse)" };
        var accounts = ListCommand(
            rawArgs, "accounts", "Print sandbox professionals' logins as a JSON array: login, password, totpSecret (base32), idNat", "accounts", 5, 1000,
            (services, parse, k, ct) => services.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(k, parse.GetValue(profession), ct));
        accounts.Add(profession);

        var patients = ListCommand(
            rawArgs, "patients", "Print sandbox patients' logins as a JSON array: login, password, totpSecret (base32), ins", "accounts", 5, 1000,
            (services, _, k, ct) => services.GetRequiredService<IAccountAdministration>().SandboxPatientsAsync(k, ct));

        return new Command("sandbox", "Synthetic sandbox data") { seed, identities, accounts, patients };
    }

    /// <summary>A command that prints <c>--count</c> sandbox items as a JSON array.</summary>
    private static Command ListCommand<T>(
        string[] rawArgs, string name, string description, string items, int defaultCount, int max, Func<IServiceProvider, ParseResult, int, CancellationToken, Task<T>> list)
    {
        var count = new Option<int>("--count") { Description = $"How many {items}", DefaultValueFactory = _ => defaultCount };
        var command = new Command(name, description) { count };
        command.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(count);
            if (k < 1 || k > max)
            {
                await Console.Error.WriteLineAsync($"--count must be from 1 to {max}.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            Console.Out.WriteLine(CliJson.Write(await list(scope.ServiceProvider, parse, k, ct)));
            return 0;
        });
        return command;
    }
}
