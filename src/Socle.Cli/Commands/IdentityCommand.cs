using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Identifiers;
using Socle.BuildingBlocks.Storage;
using Socle.Identity.Contracts;

namespace Socle.Cli.Commands;

internal static class IdentityCommand
{
    public static Command Create(string[] rawArgs)
    {
        var organisation = new Option<string>("--organisation") { Description = "FINESS of the organisation whose repository is re-verified", Required = true };
        var reverify = new Command("reverify", "Re-verify every RECUP/QUAL identity against the reference; downgrade what no longer matches; write a report") { organisation };
        reverify.SetAction(async (parse, ct) =>
        {
            var finess = parse.GetValue(organisation)!;
            if (!Finess.IsValid(finess))
            {
                await Console.Error.WriteLineAsync($"'{finess}' is not a valid FINESS number.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            host.Services.GetRequiredService<OperatorCallerContext>().Organisation = finess;
            await using var scope = host.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<IIdentityReverification>();
            ReverificationReport? report = null;
            await Progress.RunCounted($"Re-verifying identities of {finess}", async progress =>
                report = await service.ReverifyAsync(finess, progress, ct));

            var dataDir = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
            var reports = Path.Combine(dataDir, "reports");
            Directory.CreateDirectory(reports);
            var stamp = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture);
            var file = Path.Combine(reports, $"reverify-{finess}-{stamp}.json");
            await File.WriteAllTextAsync(file, CliJson.Write(report!), ct);
            Console.Out.WriteLine($"{report!.Checked} identities checked, {report.Confirmed} confirmed, {report.Downgrades.Count} downgraded. Report: {file}");
            return 0;
        });
        return new Command("identity", "Local identity repositories") { reverify };
    }
}
