using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Directory.Storage.Migrations;

/// <summary>
/// What each import leaves for the next one (<c>Import.ImportState</c>, decision 0021). Empty at first: the first import
/// after this migration reads the current versions from the tables, as before, and writes it.
/// </summary>
[DbContext(typeof(DirectoryDbContext))]
[Migration("202611250001_DirectoryImportState")]
internal sealed class M0002_DirectoryImportState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in DirectorySql.CreateStateTable(migrationBuilder.IsPostgres()))
        {
            migrationBuilder.Sql(statement);
        }
    }
}
