using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage.Migrations;

/// <summary>A patient's entries newest first (the traces a patient reads) walk one index instead of sorting.</summary>
[DbContext(typeof(AuditDbContext))]
[Migration("202611220002_PatientTimeline")]
internal sealed class M0002_PatientTimeline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(AuditDbContext.ModuleName);
        migrationBuilder.DropIndex("ix_audit_entries_patient", "audit_entries", schema);
        migrationBuilder.CreateIndex("ix_audit_entries_patient_sequence", "audit_entries", ["PatientId", "Sequence"], schema);
    }
}
