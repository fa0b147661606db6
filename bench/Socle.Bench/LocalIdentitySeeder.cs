using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Reference;
using Socle.Identity.Storage;

namespace Socle.Bench;

/// <summary>Loads a large local repository directly (the HTTP create path is measured separately, not used to fill).</summary>
internal static class LocalIdentitySeeder
{
    private const int Batch = 5_000;

    public static async Task SeedAsync(IServiceProvider services, string organisation, long count)
    {
        var generator = new ReferencePopulationGenerator(ReferencePopulationGenerator.DefaultSeed);
        var batch = new List<LocalIdentity>(Batch);
        foreach (var reference in generator.Generate(count))
        {
            var identity = new LocalIdentity
            {
                Id = Guid.NewGuid(),
                Organisation = organisation,
                IppSystem = "urn:socle:ipp:" + organisation,
                Ipp = reference.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Version = 1,
                CreatedAtMs = 0,
                UpdatedAtMs = 0,
                PostalCode = reference.Birthplace,
            };
            identity.SetTraits(reference.Traits);
            batch.Add(identity);
            if (batch.Count == Batch)
            {
                await SaveAsync(services, batch);
            }
        }

        await SaveAsync(services, batch);

        // As an operator would after a bulk load (PostgreSQL's autovacuum would do it later by itself).
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var analyze = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal)
            ? "ANALYZE \"identity\".\"identity_local_identities\""
            : "ANALYZE \"identity_local_identities\"";
        await db.Database.ExecuteSqlRawAsync(analyze);
    }

    private static async Task SaveAsync(IServiceProvider services, List<LocalIdentity> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.LocalIdentities.AddRange(batch);
        await db.SaveChangesAsync();
        batch.Clear();
    }
}
