using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Socle.BuildingBlocks.Storage;

namespace Socle.Identity.Storage.Migrations;

[DbContext(typeof(IdentityDbContext))]
[Migration("202611220001_Identity")]
internal sealed class M0001_Identity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(IdentityDbContext.ModuleName);
        var binary = migrationBuilder.IsPostgres() ? "C" : null;
        migrationBuilder.CreateTable(
            name: IdentityDbContext.ReferenceTable,
            schema: schema,
            columns: t => new
            {
                Id = t.Column<long>(nullable: false),
                Nir = t.Column<string>(nullable: false),
                Oid = t.Column<string>(nullable: false),
                BirthFamilyName = t.Column<string>(nullable: false),
                BirthGivenNames = t.Column<string>(nullable: false),
                BirthDate = t.Column<DateOnly>(nullable: false),
                Gender = t.Column<string>(nullable: false),
                Birthplace = t.Column<string>(nullable: false),
                FamilyKey = t.Column<string>(nullable: false, collation: binary),
                GivenKey = t.Column<string>(nullable: false, collation: binary),
            },
            constraints: t => t.PrimaryKey("pk_identity_reference_identities", x => x.Id));
        migrationBuilder.CreateIndex("ix_identity_reference_nir", IdentityDbContext.ReferenceTable, ["Nir", "Oid"], schema, unique: true);
        migrationBuilder.CreateIndex("ix_identity_reference_traits", IdentityDbContext.ReferenceTable, ["FamilyKey", "BirthDate", "Gender"], schema);

        migrationBuilder.CreateTable(
            name: "identity_local_identities",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                IppSystem = t.Column<string>(nullable: false),
                Ipp = t.Column<string>(nullable: false),
                BirthFamilyName = t.Column<string>(nullable: false),
                BirthGivenNames = t.Column<string>(nullable: false),
                UsedFamilyName = t.Column<string>(nullable: true),
                UsedGivenName = t.Column<string>(nullable: true),
                BirthDate = t.Column<DateOnly>(nullable: false),
                Gender = t.Column<string>(nullable: false),
                Birthplace = t.Column<string>(nullable: true),
                Ins = t.Column<string>(nullable: true),
                InsOid = t.Column<string>(nullable: true),
                InsiRetrievedAtMs = t.Column<long>(nullable: true),
                ValidationDocument = t.Column<string>(nullable: true),
                ValidatedAtMs = t.Column<long>(nullable: true),
                Doubtful = t.Column<bool>(nullable: false),
                Fictitious = t.Column<bool>(nullable: false),
                Homonym = t.Column<bool>(nullable: false),
                TelecomJson = t.Column<string>(nullable: true),
                AddressJson = t.Column<string>(nullable: true),
                PostalCode = t.Column<string>(nullable: true),
                StatusCode = t.Column<string>(nullable: false),
                FamilyKey = t.Column<string>(nullable: false, collation: binary),
                UsedFamilyKey = t.Column<string>(nullable: true, collation: binary),
                GivenKey = t.Column<string>(nullable: false, collation: binary),
                PhoneticKey = t.Column<string>(nullable: false, collation: binary),
                MergedIntoId = t.Column<Guid>(nullable: true),
                MergedAtMs = t.Column<long>(nullable: true),
                Version = t.Column<int>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                UpdatedAtMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_identity_local_identities", x => x.Id));
        migrationBuilder.CreateIndex("ix_identity_local_ipp", "identity_local_identities", ["Organisation", "IppSystem", "Ipp"], schema, unique: true);
        migrationBuilder.CreateIndex("ix_identity_local_family", "identity_local_identities", ["Organisation", "FamilyKey", "GivenKey", "BirthDate", "Id"], schema);
        migrationBuilder.CreateIndex("ix_identity_local_used_family", "identity_local_identities", ["Organisation", "UsedFamilyKey"], schema);
        migrationBuilder.CreateIndex("ix_identity_local_birthdate", "identity_local_identities", ["Organisation", "BirthDate"], schema);
        migrationBuilder.CreateIndex("ix_identity_local_phonetic", "identity_local_identities", ["Organisation", "PhoneticKey", "GivenKey"], schema);
        migrationBuilder.CreateIndex("ix_identity_local_ins", "identity_local_identities", "Ins", schema);

        migrationBuilder.CreateTable(
            name: "identity_local_identity_history",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                IdentityId = t.Column<Guid>(nullable: false),
                Version = t.Column<int>(nullable: false),
                ChangedAtMs = t.Column<long>(nullable: false),
                Change = t.Column<string>(nullable: false),
                ClientId = t.Column<string>(nullable: false),
                SnapshotJson = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_identity_local_identity_history", x => x.Id));
        migrationBuilder.CreateIndex("ix_identity_history_identity", "identity_local_identity_history", ["IdentityId", "Version"], schema);

        migrationBuilder.CreateTable(
            name: "identity_secrets",
            schema: schema,
            columns: t => new
            {
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_identity_secrets", x => x.Name));

        migrationBuilder.CreateTable(
            name: "identity_outbox",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Type = t.Column<string>(maxLength: 200, nullable: false),
                Payload = t.Column<string>(nullable: false),
                OccurredAtMs = t.Column<long>(nullable: false),
                ProcessedAtMs = t.Column<long>(nullable: true),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(nullable: true),
                LockedUntilMs = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_identity_outbox", x => x.Id));
        migrationBuilder.CreateIndex("ix_identity_outbox_pending", "identity_outbox", ["ProcessedAtMs", "OccurredAtMs"], schema);
    }
}
