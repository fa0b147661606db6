using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Record.Storage.Migrations;

[DbContext(typeof(RecordDbContext))]
[Migration("202611220001_Record")]
internal sealed class M0001_Record : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(RecordDbContext.ModuleName);
        var bytes = migrationBuilder.IsPostgres() ? "bytea" : "BLOB";
        migrationBuilder.CreateTable(
            name: "record_records",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Ins = t.Column<string>(nullable: false),
                InsOid = t.Column<string>(nullable: false),
                BirthDate = t.Column<DateOnly>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                ClosedAtMs = t.Column<long>(nullable: true),
                EmergencyAccessForbidden = t.Column<bool>(nullable: false),
                MedecinTraitant = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_record_records", x => x.Id));
        migrationBuilder.CreateIndex("ux_record_records_ins", "record_records", "Ins", schema, unique: true);

        migrationBuilder.CreateTable(
            name: "record_members",
            schema: schema,
            columns: t => new
            {
                RecordId = t.Column<Guid>(nullable: false),
                IdNat = t.Column<string>(nullable: false),
                Status = t.Column<string>(nullable: false),
                UpdatedAtMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_members", x => new { x.RecordId, x.IdNat }));

        migrationBuilder.CreateTable(
            name: "record_emergency_accesses",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RecordId = t.Column<Guid>(nullable: false),
                IdNat = t.Column<string>(nullable: false),
                Reason = t.Column<string>(nullable: false),
                StartedAtMs = t.Column<long>(nullable: false),
                ExpiresAtMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_emergency_accesses", x => x.Id));
        migrationBuilder.CreateIndex("ix_record_emergency_accesses_record", "record_emergency_accesses", ["RecordId", "IdNat", "ExpiresAtMs"], schema);

        migrationBuilder.CreateTable(
            name: "record_representatives",
            schema: schema,
            columns: t => new
            {
                RecordId = t.Column<Guid>(nullable: false),
                RepresentativeIns = t.Column<string>(nullable: false),
                DeclaredAtMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_representatives", x => new { x.RecordId, x.RepresentativeIns }));
        migrationBuilder.CreateIndex("ix_record_representatives_ins", "record_representatives", "RepresentativeIns", schema);

        migrationBuilder.CreateTable(
            name: "record_patient_links",
            schema: schema,
            columns: t => new
            {
                PatientId = t.Column<Guid>(nullable: false),
                RecordId = t.Column<Guid>(nullable: false),
                ViaMergeOf = t.Column<Guid>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_record_patient_links", x => x.PatientId));

        migrationBuilder.CreateTable(
            name: "record_submission_sets",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RecordId = t.Column<Guid>(nullable: false),
                UniqueId = t.Column<string>(nullable: false),
                AuthorIdNat = t.Column<string>(nullable: true),
                SubmittedAtMs = t.Column<long>(nullable: false),
                ResourceJson = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_submission_sets", x => x.Id));
        migrationBuilder.CreateIndex("ix_record_submission_sets_record", "record_submission_sets", ["RecordId", "SubmittedAtMs"], schema);

        migrationBuilder.CreateTable(
            name: "record_documents",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RecordId = t.Column<Guid>(nullable: false),
                SubmissionSetId = t.Column<Guid>(nullable: false),
                UniqueId = t.Column<string>(nullable: false),
                Status = t.Column<string>(nullable: false),
                DeletedAtMs = t.Column<long>(nullable: true),
                ClassCode = t.Column<string>(nullable: false),
                TypeCode = t.Column<string>(nullable: false),
                FormatCode = t.Column<string>(nullable: false),
                FacilityCode = t.Column<string>(nullable: true),
                PracticeSettingCode = t.Column<string>(nullable: true),
                EventCodes = t.Column<string>(nullable: false),
                Confidentiality = t.Column<string>(nullable: false),
                Visibility = t.Column<int>(nullable: false),
                AuthorIdNat = t.Column<string>(nullable: true),
                AuthorStructure = t.Column<string>(nullable: true),
                DateMs = t.Column<long>(nullable: false),
                ServiceStartMs = t.Column<long>(nullable: true),
                ServiceStopMs = t.Column<long>(nullable: true),
                Size = t.Column<long>(nullable: false),
                Sha1 = t.Column<string>(nullable: false),
                ContentType = t.Column<string>(nullable: false),
                ReplacesId = t.Column<Guid>(nullable: true),
                ResourceJson = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_documents", x => x.Id));
        migrationBuilder.CreateIndex("ux_record_documents_unique_id", "record_documents", "UniqueId", schema, unique: true);
        migrationBuilder.CreateIndex("ix_record_documents_record_date", "record_documents", ["RecordId", "DateMs"], schema);

        migrationBuilder.CreateTable(
            name: "record_document_contents",
            schema: schema,
            columns: t => new
            {
                DocumentId = t.Column<Guid>(nullable: false),
                Bytes = t.Column<byte[]>(type: bytes, nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_record_document_contents", x => x.DocumentId));
    }
}
