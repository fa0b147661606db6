using Microsoft.EntityFrameworkCore;
using Socle.Directory.Storage;

namespace Socle.Directory.Sandbox;

internal sealed class SandboxDirectory(DirectoryGenerator generator, IDirectoryImport import, DirectoryDbContext db) : ISandboxDirectory
{
    public Task<GeneratedExtract> GenerateAsync(int persons, string directory, int day, IProgress<long>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => generator.Write(persons, directory, day, progress), cancellationToken);

    public async Task<ImportReport?> SeedAsync(int persons, string workDirectory, CancellationToken cancellationToken)
    {
        if (await db.Imports.AnyAsync(x => x.Status == "published", cancellationToken))
        {
            return null;
        }

        // The seed goes through the real files and the real import, like a vendor's own extract would.
        if (System.IO.Directory.Exists(workDirectory))
        {
            System.IO.Directory.Delete(workDirectory, recursive: true);
        }

        var files = await GenerateAsync(persons, workDirectory, day: 0, null, cancellationToken);
        return await import.ImportAsync(files.Files, null, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListProfessionalsAsync(int count, string? professionCode, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking()
            .Where(a => a.ValidTo == null && a.IdNat != null && (professionCode == null || a.ProfessionCode == professionCode))
            .Select(a => a.IdNat!)
            .Distinct()
            .OrderBy(x => x)
            .Take(count)
            .ToListAsync(cancellationToken);
}
