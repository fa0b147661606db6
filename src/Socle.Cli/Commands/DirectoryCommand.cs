using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Socle.Directory.Contracts;

namespace Socle.Cli.Commands;

internal static class DirectoryCommand
{
    private const int PrintedRejections = 20;

    public static Command Create(string[] rawArgs) => new("directory", "The Annuaire Santé directory: import the public extracts, generate sandbox ones")
    {
        Import(rawArgs),
        Generate(rawArgs),
    };

    private static Command Import(string[] rawArgs)
    {
        var files = new Argument<string[]>("files") { Description = "Extract files (.txt or .zip): Personne_activite, SavoirFaire, Dipl_AutExerc, MSSanté", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import extract files as the new published directory snapshot (only the differences are applied)") { files };
        command.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<IDirectoryImport>();
            ImportReport? report = null;
            var paths = parse.GetValue(files)!.Select(Path.GetFullPath).ToList();
            await Progress.RunCounted("Importing the directory", async progress => report = await import.ImportAsync(paths, progress, ct));
            var file = await Reports.WriteAsync(host.Services, "directory-import", CliJson.Write(report!), ct);
            Print(report!, file);

            // Operators size machines from this figure; the benchmark reads it too.
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Peak memory: {self.PeakWorkingSet64 / (1024 * 1024)} MB"));
            return report!.Published ? 0 : 3;
        });
        return command;
    }

    private static Command Generate(string[] rawArgs)
    {
        var persons = new Option<int>("--persons") { Description = "How many synthetic professionals", Required = true };
        var output = new Option<string>("--out") { Description = "Directory to write the four extract files into", Required = true };
        var day = new Option<int>("--day") { Description = "0 for a first snapshot; 1, 2... for the following days' files (about 1 % changed)", DefaultValueFactory = _ => 0 };
        var command = new Command("generate", "Write synthetic extract files in the public Annuaire Santé formats") { persons, output, day };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(persons);
            if (count is < 1 or > 10_000_000 || parse.GetValue(day) is < 0 or > 365)
            {
                await Console.Error.WriteLineAsync("--persons must be from 1 to 10000000 and --day from 0 to 365.");
                return 2;
            }

            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var sandbox = scope.ServiceProvider.GetRequiredService<ISandboxDirectory>();
            GeneratedExtract? extract = null;
            await Progress.Run("Generating the directory", count, async progress =>
                extract = await sandbox.GenerateAsync(count, Path.GetFullPath(parse.GetValue(output)!), parse.GetValue(day), progress, ct));
            foreach (var file in extract!.Files)
            {
                Console.Out.WriteLine(file);
            }

            await Console.Error.WriteLineAsync($"{extract.ActivityRows} activity lines, {extract.MailboxRows} mailboxes.");
            return 0;
        });
        return command;
    }

    private static void Print(ImportReport report, string file)
    {
        var c = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(report.Published
            ? string.Create(c, $"Directory snapshot {report.ImportId} published in {report.Duration.TotalSeconds:0.0} s.")
            : $"Import refused, the previous snapshot stays: {report.RefusalReason}");
        Console.Out.WriteLine(string.Create(c, $"Rows read: {report.RowsRead} ({report.UnchangedLines} as in the previous import, not parsed again), lines rejected: {report.RejectedTotal}."));
        foreach (var change in report.Changes)
        {
            Console.Out.WriteLine(string.Create(c, $"  {change.Entity,-12} added {change.Added,9}  changed {change.Changed,9}  removed {change.Removed,9}  unchanged {change.Unchanged,9}"));
        }

        if (report.Phases.Count > 0)
        {
            Console.Out.WriteLine("Time: " + string.Join(", ", report.Phases.Select(p => string.Create(c, $"{p.Name} {p.Seconds:0.0} s"))) + ".");
        }

        if (report.RejectedTotal > 0)
        {
            Console.Out.WriteLine(string.Create(c, $"Rejected lines (first {Math.Min(PrintedRejections, report.Rejected.Count)} of {report.RejectedTotal}):"));
            foreach (var line in report.Rejected.Take(PrintedRejections))
            {
                Console.Out.WriteLine(string.Create(c, $"  {line.File}:{line.Line}: {line.Reason}"));
            }
        }

        Console.Out.WriteLine($"Full report: {file}");
    }
}
