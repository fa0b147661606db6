using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Socle.Record.Contracts;

namespace Socle.Cli.Commands;

internal static class RecordCommand
{
    public static Command Create(string[] rawArgs)
    {
        var minor = new Option<string>("--minor") { Description = "INS (15 characters) of the minor, a qualified identity", Required = true };
        var representative = new Option<string>("--representative") { Description = "INS of the legal representative, a qualified identity", Required = true };
        var declare = new Command("representative", "Declare a legal representative of a minor: they then read the minor's record as the patient would") { minor, representative };
        declare.SetAction(async (parse, ct) =>
        {
            using var host = await CliHost.StartAsync(rawArgs, ct);
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRecordAdministration>().DeclareRepresentativeAsync(parse.GetValue(minor)!, parse.GetValue(representative)!, ct);
            Console.Out.WriteLine($"{parse.GetValue(representative)} is a legal representative of {parse.GetValue(minor)}.");
            return 0;
        });
        return new Command("record", "The shared medical record (DMP)") { declare };
    }
}
