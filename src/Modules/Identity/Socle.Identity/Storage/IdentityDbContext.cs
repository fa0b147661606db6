using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Outbox;
using Socle.BuildingBlocks.Storage;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Storage;

internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : ModuleDbContext(options), IOutboxDbContext
{
    public const string ModuleName = "identity";
    public const string ReferenceTable = "identity_reference_identities";

    public DbSet<ReferenceIdentity> ReferenceIdentities => Set<ReferenceIdentity>();

    public DbSet<LocalIdentity> LocalIdentities => Set<LocalIdentity>();

    public DbSet<LocalIdentityHistory> History => Set<LocalIdentityHistory>();

    public DbSet<IdentitySecret> Secrets => Set<IdentitySecret>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override string Module => ModuleName;

    /// <summary>Comparison keys are ASCII and compared byte by byte, so that prefix ranges use the indexes.</summary>
    private string? BinaryCollation => IsPostgres ? "C" : null;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReferenceIdentity>(e =>
        {
            e.ToTable(ReferenceTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Gender).HasConversion<string>();
            e.Ignore(x => x.Traits);
            e.HasIndex(x => new { x.Nir, x.Oid }).IsUnique();
            e.Property(x => x.FamilyKey).UseCollation(BinaryCollation);
            e.Property(x => x.GivenKey).UseCollation(BinaryCollation);
            e.HasIndex(x => new { x.FamilyKey, x.BirthDate, x.Gender });
        });
        modelBuilder.Entity<LocalIdentity>(e =>
        {
            e.ToTable("identity_local_identities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Gender).HasConversion<string>();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Traits);
            e.Ignore(x => x.Status);
            e.Ignore(x => x.RetrievedFromInsi);
            e.Ignore(x => x.CheckedOnDocument);
            e.Ignore(x => x.IsMerged);
            e.Ignore(x => x.MayShareIns);
            foreach (var key in new[] { nameof(LocalIdentity.FamilyKey), nameof(LocalIdentity.UsedFamilyKey), nameof(LocalIdentity.GivenKey), nameof(LocalIdentity.PhoneticKey) })
            {
                e.Property(key).UseCollation(BinaryCollation);
            }

            e.HasIndex(x => new { x.Organisation, x.IppSystem, x.Ipp }).IsUnique();
            e.HasIndex(x => new { x.Organisation, x.FamilyKey, x.GivenKey, x.BirthDate, x.Id });
            e.HasIndex(x => new { x.Organisation, x.UsedFamilyKey });
            e.HasIndex(x => new { x.Organisation, x.BirthDate });
            e.HasIndex(x => new { x.Organisation, x.PhoneticKey, x.GivenKey });
            e.HasIndex(x => x.Ins);
        });
        modelBuilder.Entity<LocalIdentityHistory>(e =>
        {
            e.ToTable("identity_local_identity_history");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.IdentityId, x.Version });
        });
        modelBuilder.Entity<IdentitySecret>(e =>
        {
            e.ToTable("identity_secrets");
            e.HasKey(x => x.Name);
        });
        Outbox.Configure(modelBuilder, ModuleName);
    }
}
