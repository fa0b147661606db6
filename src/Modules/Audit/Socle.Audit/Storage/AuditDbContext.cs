using Microsoft.EntityFrameworkCore;
using Socle.Audit.Domain;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage;

internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "audit";

    public const string EntriesTable = "audit_entries";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(EntriesTable);
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => x.PatientId);
        });
    }
}
