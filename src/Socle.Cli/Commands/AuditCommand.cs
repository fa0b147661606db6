using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Socle.Audit.Contracts;
using Spectre.Console;

namespace Socle.Cli.Commands;

internal static class AuditCommand
{
    public static Command Create(string[] rawArgs)
    {
        var verify = new Command("verify", "Check the whole hash chain of the audit log; names the first broken entry (exit code 1)");
        verify.SetAction(async (_, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            var total = await log.CountAsync(ct);
            AuditVerification? result = null;
            await Progress.Run("Verifying the audit chain", total, async report => result = await log.VerifyAsync(report, ct));
            if (result!.Intact)
            {
                Console.Out.WriteLine($"Audit log intact: {result.EntriesChecked} entries verified. Head hash: {result.HeadHash}");
                return 0;
            }

            Console.Out.WriteLine($"Audit log BROKEN at entry {result.FirstBrokenSequence}: {result.Reason}. {result.EntriesChecked} entries verified before it.");
            return 1;
        });
        return new Command("audit", "The append-only, hash-chained audit log") { verify };
    }
}
