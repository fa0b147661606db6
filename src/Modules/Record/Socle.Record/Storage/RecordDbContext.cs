using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Storage;

namespace Socle.Record.Storage;

internal sealed class RecordDbContext(DbContextOptions<RecordDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "record";

    public DbSet<PatientRecord> Records => Set<PatientRecord>();

    public DbSet<RecordMember> Members => Set<RecordMember>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<RecordRepresentative> Representatives => Set<RecordRepresentative>();

    public DbSet<RecordPatientLink> PatientLinks => Set<RecordPatientLink>();

    public DbSet<DocumentEntry> Documents => Set<DocumentEntry>();

    public DbSet<DocumentContent> Contents => Set<DocumentContent>();

    public DbSet<SubmissionSetEntry> SubmissionSets => Set<SubmissionSetEntry>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PatientRecord>(e =>
        {
            e.ToTable("record_records");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<RecordMember>(e =>
        {
            e.ToTable("record_members");
            e.HasKey(x => new { x.RecordId, x.IdNat });
        });
        modelBuilder.Entity<EmergencyAccess>(e =>
        {
            e.ToTable("record_emergency_accesses");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<RecordRepresentative>(e =>
        {
            e.ToTable("record_representatives");
            e.HasKey(x => new { x.RecordId, x.RepresentativeIns });
        });
        modelBuilder.Entity<RecordPatientLink>(e =>
        {
            e.ToTable("record_patient_links");
            e.HasKey(x => x.PatientId);
        });
        modelBuilder.Entity<DocumentEntry>(e =>
        {
            e.ToTable("record_documents");
            e.HasKey(x => x.Id);
            e.Ignore(x => x.Deleted);
            e.Ignore(x => x.Facts);
        });
        modelBuilder.Entity<DocumentContent>(e =>
        {
            e.ToTable("record_document_contents");
            e.HasKey(x => x.DocumentId);
        });
        modelBuilder.Entity<SubmissionSetEntry>(e =>
        {
            e.ToTable("record_submission_sets");
            e.HasKey(x => x.Id);
        });
    }
}
