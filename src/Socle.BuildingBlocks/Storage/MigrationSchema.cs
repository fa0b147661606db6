using Microsoft.EntityFrameworkCore.Migrations;

namespace Socle.BuildingBlocks.Storage;

/// <summary>Lets one hand-written migration serve both providers: a schema on PostgreSQL, none on SQLite.</summary>
public static class MigrationSchema
{
    public static bool IsPostgres(this MigrationBuilder builder) =>
        builder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public static string? SchemaFor(this MigrationBuilder builder, string module)
    {
        if (!builder.IsPostgres())
        {
            return null;
        }

        builder.EnsureSchema(module);
        return module;
    }
}
