using System.CommandLine;
using Socle.Cli.Commands;

namespace Socle.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var dataDir = new Option<string>("--data-dir") { Description = "Data directory (default ./data, or SOCLE_DATA_DIR)", Recursive = true };
        var root = new RootCommand("socle: administration and sandbox tools of the Socle platform")
        {
            dataDir,
            ClientsCommand.Create(args),
            AuditCommand.Create(args),
            SandboxCommand.Create(args),
            IdentityCommand.Create(args),
            DirectoryCommand.Create(args),
            AccountsCommand.Create(args),
            AccountsCommand.CreateKeys(args),
            RecordCommand.Create(args),
        };

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (BuildingBlocks.Errors.DomainException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Error.Code}: {ex.Error.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"socle: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
