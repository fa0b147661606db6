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
            if (!await IsValidFinessAsync(finess))
            {
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            host.Services.GetRequiredService<OperatorCallerContext>().Organisation = finess;
            await using var scope = host.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<IIdentityReverification>();
            ReverificationReport? report = null;
            await Progress.RunCounted($"Re-verifying identities of {finess}", async progress =>
                report = await service.ReverifyAsync(finess, progress, ct));

            var file = await Reports.WriteAsync(host.Services, $"reverify-{finess}", CliJson.Write(report!), ct);
            Console.Out.WriteLine($"{report!.Checked} identities checked, {report.Confirmed} confirmed, {report.Downgrades.Count} downgraded. Report: {file}");
            return 0;
        });
        var scanOrganisation = new Option<string>("--organisation") { Description = "FINESS of the organisation whose repository is scanned", Required = true };
        var duplicates = new Command("duplicates", "Full duplicate scan of an organisation's repository; writes the scored pairs to a report") { scanOrganisation };
        duplicates.SetAction(async (parse, ct) =>
        {
            var finess = parse.GetValue(scanOrganisation)!;
            if (!await IsValidFinessAsync(finess))
            {
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            host.Services.GetRequiredService<OperatorCallerContext>().Organisation = finess;
            await using var scope = host.Services.CreateAsyncScope();
            var scan = scope.ServiceProvider.GetRequiredService<IIdentityDuplicateScan>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            DuplicateScanReport? report = null;
            await Progress.RunCounted($"Scanning {finess} for duplicates", async progress => report = await scan.ScanAsync(finess, progress, ct));
            var file = await Reports.WriteAsync(host.Services, $"duplicates-{finess}", CliJson.Write(report!), ct);
            Console.Out.WriteLine($"{report!.IdentitiesScanned} identities scanned, {report.PairsCompared} pairs compared, {report.Pairs.Count} candidate pairs in {watch.Elapsed.TotalSeconds:0.0} s. Report: {file}");
            return 0;
        });
        return new Command("identity", "Local identity repositories") { reverify, duplicates };
    }

    private static async Task<bool> IsValidFinessAsync(string finess)
    {
        if (Finess.IsValid(finess))
        {
            return true;
        }

        await Console.Error.WriteLineAsync($"'{finess}' is not a valid FINESS number (9 characters with a valid check digit).");
        return false;
    }
}
