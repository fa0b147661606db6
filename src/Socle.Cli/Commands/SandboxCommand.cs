using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
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

        return new Command("sandbox", "Synthetic sandbox data") { seed, identities };
    }
}
