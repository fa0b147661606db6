using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Directory.Storage.Migrations;

/// <summary>The versioned directory tables, built from <see cref="DirectoryTable"/> so that the import and the schema agree.</summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("202611220101_Directory")]
internal sealed class M0001_Directory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(DirectoryDbContext.ModuleName);
        var postgres = migrationBuilder.IsPostgres();
        foreach (var table in DirectoryTable.All)
        {
            foreach (var statement in DirectorySql.CreateTable(postgres, table))
            {
                migrationBuilder.Sql(statement);
            }
        }

        migrationBuilder.CreateTable(
            name: DirectoryDbContext.ImportsTable,
            schema: schema,
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                StartedAt = t.Column<long>(nullable: false),
                FinishedAt = t.Column<long>(nullable: false),
                Status = t.Column<string>(nullable: false),
                Files = t.Column<string>(nullable: false),
                RowsRead = t.Column<long>(nullable: false),
                RowsRejected = t.Column<long>(nullable: false),
                Summary = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_directory_imports", x => x.Id));
    }
}
