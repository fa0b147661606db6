using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Storage;

namespace Socle.Directory.Storage;

internal sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "directory";
    public const string ImportsTable = "directory_imports";

    public DbSet<PersonRecord> Persons => Set<PersonRecord>();

    public DbSet<StructureRecord> Structures => Set<StructureRecord>();

    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();

    public DbSet<SpecialtyRecord> Specialties => Set<SpecialtyRecord>();

    public DbSet<DiplomaRecord> Diplomas => Set<DiplomaRecord>();

    public DbSet<MailboxRecord> Mailboxes => Set<MailboxRecord>();

    public DbSet<ImportRun> Imports => Set<ImportRun>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        Map<PersonRecord>(modelBuilder, DirectoryTable.Persons);
        Map<StructureRecord>(modelBuilder, DirectoryTable.Structures);
        Map<ActivityRecord>(modelBuilder, DirectoryTable.Activities);
        Map<SpecialtyRecord>(modelBuilder, DirectoryTable.Specialties);
        Map<DiplomaRecord>(modelBuilder, DirectoryTable.Diplomas);
        Map<MailboxRecord>(modelBuilder, DirectoryTable.Mailboxes);
        modelBuilder.Entity<ImportRun>(e =>
        {
            e.ToTable(ImportsTable);
            e.HasKey(x => x.Id);
        });
    }

    private static void Map<T>(ModelBuilder modelBuilder, DirectoryTable table)
        where T : DirectoryRecord
    {
        modelBuilder.Entity<T>(e =>
        {
            e.ToTable(table.Name);
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Key, x.ValidTo });
        });
    }
}
