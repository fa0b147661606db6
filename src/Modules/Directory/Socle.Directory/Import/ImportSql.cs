using System.Data.Common;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>The statements the import runs inside its transaction, for both providers.</summary>
internal static class ImportSql
{
    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command in the import's transaction, without a time limit (an import takes as long as its files).</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>Before a first load: an empty table is filled faster without its indexes, which are built once afterwards.</summary>
    public static async Task DropIndexesAsync(DbConnection connection, DbTransaction transaction, DirectoryTable table, CancellationToken cancellationToken)
    {
        var postgres = connection is Npgsql.NpgsqlConnection;
        foreach (var (index, _) in DirectorySql.Indexes(postgres, table))
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {DirectorySql.QualifiedIndex(postgres, index)}", cancellationToken);
        }
    }

    /// <summary>After a first load: builds the table's indexes and its planner statistics.</summary>
    public static async Task BuildIndexesAsync(DbConnection connection, DbTransaction transaction, DirectoryTable table, CancellationToken cancellationToken)
    {
        var postgres = connection is Npgsql.NpgsqlConnection;
        foreach (var (_, create) in DirectorySql.Indexes(postgres, table))
        {
            await ExecuteAsync(connection, transaction, create, cancellationToken);
        }

        await AnalyzeAsync(connection, transaction, table, cancellationToken);
    }

    /// <summary>The import numbers new rows itself: the identity sequence of a PostgreSQL table follows its highest id.</summary>
    public static Task SyncIdentityAsync(DbConnection connection, DbTransaction transaction, DirectoryTable table, long maxId, CancellationToken cancellationToken) =>
        connection is Npgsql.NpgsqlConnection && maxId > 0
            ? ExecuteAsync(connection, transaction, FormattableString.Invariant(
                $"SELECT setval(pg_get_serial_sequence('{DirectorySql.Table(true, table.Name).Replace("'", "''", StringComparison.Ordinal)}', 'Id'), {maxId})"), cancellationToken)
            : Task.CompletedTask;

    /// <summary>Fresh planner statistics after a large change (SQLite has no auto-analyse; PostgreSQL's comes too late).</summary>
    public static Task AnalyzeAsync(DbConnection connection, DbTransaction transaction, DirectoryTable table, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"ANALYZE {DirectorySql.Table(connection is Npgsql.NpgsqlConnection, table.Name)}", cancellationToken);
}
