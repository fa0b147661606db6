using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Record.Storage.Migrations;

/// <summary>
/// On PostgreSQL, document contents are compressed with LZ4 rather than pglz when the server was built with it (14 and
/// later): during ITI-65 deposits pglz alone was 5 % of the machine's CPU. Contents stored before keep pglz; PostgreSQL
/// reads both. SQLite stores the bytes as they are.
/// </summary>
[DbContext(typeof(RecordDbContext))]
[Migration("202611230001_DocumentContentLz4")]
internal sealed class M0002_DocumentContentLz4 : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsPostgres())
        {
            return;
        }

        var schema = migrationBuilder.SchemaFor(RecordDbContext.ModuleName);
        migrationBuilder.Sql($"""
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4'::text = ANY (enumvals)) THEN
                    ALTER TABLE "{schema}"."record_document_contents" ALTER COLUMN "Bytes" SET COMPRESSION lz4;
                END IF;
            END $$
            """);
    }
}
