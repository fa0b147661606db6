using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Audit.Storage.Migrations;

[DbContext(typeof(AuditDbContext))]
[Migration("202611220001_AuditLog")]
internal sealed class M0001_AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(AuditDbContext.ModuleName);
        migrationBuilder.CreateTable(
            name: "audit_entries",
            schema: schema,
            columns: t => new
            {
                Sequence = t.Column<long>(nullable: false),
                OccurredAtMs = t.Column<long>(nullable: false),
                ClientId = t.Column<string>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                PersonId = t.Column<string>(nullable: true),
                Action = t.Column<string>(nullable: false),
                ResourceType = t.Column<string>(nullable: false),
                ResourceId = t.Column<string>(nullable: true),
                PatientId = t.Column<string>(nullable: true),
                Purpose = t.Column<string>(nullable: false),
                Outcome = t.Column<string>(nullable: false),
                Detail = t.Column<string>(nullable: true),
                SourceAddress = t.Column<string>(nullable: true),
                PreviousHash = t.Column<string>(nullable: false),
                Hash = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_audit_entries", x => x.Sequence));
        migrationBuilder.CreateIndex("ix_audit_entries_patient", "audit_entries", "PatientId", schema);
    }
}
