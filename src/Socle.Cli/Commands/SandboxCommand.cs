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

        var count = new Option<int>("--count") { Description = "How many identities", DefaultValueFactory = _ => 10 };
        var homonyms = new Option<bool>("--homonyms") { Description = "Only identities with a homonym (INSi answers 02 on their traits without birthplace)" };
        var identities = new Command("identities", "Print reference identities (traits + INS) as a JSON array") { count, homonyms };
        identities.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(count);
            if (k is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync("--count must be from 1 to 100000.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<ISandboxIdentities>().ListAsync(k, parse.GetValue(homonyms), ct);
            Console.Out.WriteLine(CliJson.Write(list));
            return 0;
        });

        var accountCount = new Option<int>("--count") { Description = "How many accounts", DefaultValueFactory = _ => 5 };
        var profession = new Option<string>("--profession") { Description = "Only professionals of this profession (TRE_G15 code, e.g. 10 doctor, 21 pharmacist, 60 nurse)" };
        var accounts = new Command("accounts", "Print sandbox professionals' logins as a JSON array: login, password, totpSecret (base32), idNat") { accountCount, profession };
        accounts.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(accountCount);
            if (k is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync("--count must be from 1 to 1000.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(k, parse.GetValue(profession), ct);
            Console.Out.WriteLine(CliJson.Write(list));
            return 0;
        });

        var patientCount = new Option<int>("--count") { Description = "How many accounts", DefaultValueFactory = _ => 5 };
        var patients = new Command("patients", "Print sandbox patients' logins as a JSON array: login, password, totpSecret (base32), ins") { patientCount };
        patients.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(patientCount);
            if (k is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync("--count must be from 1 to 1000.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxPatientsAsync(k, ct);
            Console.Out.WriteLine(CliJson.Write(list));
            return 0;
        });

        return new Command("sandbox", "Synthetic sandbox data") { seed, identities, accounts, patients };
    }
}
