using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Streams parsed records into the temporary staging table of the import's transaction: binary COPY on
/// PostgreSQL, one prepared insert on SQLite. The merge then works set-wise from there.
/// </summary>
internal abstract class StageWriter : IAsyncDisposable
{
    public static async Task<StageWriter> OpenAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var postgres = connection is NpgsqlConnection;
        if (!postgres)
        {
            await ExecuteAsync(connection, transaction, DirectorySql.DropSqliteStage, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, DirectorySql.CreateStage(postgres), cancellationToken);

        return postgres
            ? await PostgresStageWriter.OpenAsync((NpgsqlConnection)connection, cancellationToken)
            : new SqliteStageWriter((SqliteConnection)connection, (SqliteTransaction)transaction);
    }

    public abstract ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken);

    /// <summary>Ends the load, then indexes and analyses the staging table for the merge.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class PostgresStageWriter(NpgsqlConnection connection, NpgsqlBinaryImporter importer) : StageWriter
    {
        private bool completed;

        public static async Task<StageWriter> OpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var columns = string.Join(", ", new[] { "\"Entity\"", "\"Key\"", "\"Hash\"" }
                .Concat(Enumerable.Range(0, DirectoryTable.MaxFields).Select(i => $"\"V{i}\"")));
            var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{DirectorySql.StageTable}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            return new PostgresStageWriter(connection, importer);
        }

        public override ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            // The synchronous writes only copy into Npgsql's buffer (it flushes when full): millions of rows of 34
            // columns would spend most of their time in async state machines otherwise.
            importer.StartRow();
            importer.Write(record.Table.Code, NpgsqlDbType.Integer);
            importer.Write(record.Key, NpgsqlDbType.Text);
            importer.Write(record.Hash, NpgsqlDbType.Bigint);
            var values = record.Values;
            for (var i = 0; i < DirectoryTable.MaxFields; i++)
            {
                if (i < values.Length && values[i] is { } value)
                {
                    importer.Write(value, NpgsqlDbType.Text);
                }
                else
                {
                    importer.WriteNull();
                }
            }

            return ValueTask.CompletedTask;
        }

        public override async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await importer.CompleteAsync(cancellationToken);
            await importer.DisposeAsync();
            completed = true;

            // Temporary tables are never auto-analysed: without statistics the merge would plan for an empty table.
            await ExecuteAsync(connection, null, $"ANALYZE \"{DirectorySql.StageTable}\"", cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (!completed)
            {
                await importer.DisposeAsync();
            }
        }
    }

    private sealed class SqliteStageWriter : StageWriter
    {
        private readonly SqliteConnection connection;
        private readonly SqliteTransaction transaction;
        private readonly SqliteCommand insert;

        public SqliteStageWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            this.connection = connection;
            this.transaction = transaction;
            insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var names = Enumerable.Range(0, DirectoryTable.MaxFields).Select(i => $"V{i}").ToList();
            insert.CommandText = $"INSERT INTO \"{DirectorySql.StageTable}\" (\"Entity\", \"Key\", \"Hash\", {string.Join(", ", names.Select(n => $"\"{n}\""))}) " +
                $"VALUES ($e, $k, $h, {string.Join(", ", names.Select(n => "$" + n))})";
            insert.Parameters.Add(new SqliteParameter("$e", null));
            insert.Parameters.Add(new SqliteParameter("$k", null));
            insert.Parameters.Add(new SqliteParameter("$h", null));
            foreach (var name in names)
            {
                insert.Parameters.Add(new SqliteParameter("$" + name, null));
            }

            insert.Prepare();
        }

        public override async ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            var p = insert.Parameters;
            p[0].Value = record.Table.Code;
            p[1].Value = record.Key;
            p[2].Value = record.Hash;
            for (var i = 0; i < DirectoryTable.MaxFields; i++)
            {
                p[i + 3].Value = i < record.Values.Length && record.Values[i] is { } value ? value : DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        public override async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await ExecuteAsync(connection, transaction, $"CREATE INDEX \"ix_{DirectorySql.StageTable}\" ON \"{DirectorySql.StageTable}\" (\"Entity\", \"Key\", \"Hash\")", cancellationToken);
            await ExecuteAsync(connection, transaction, $"ANALYZE \"{DirectorySql.StageTable}\"", cancellationToken);
        }

        public override ValueTask DisposeAsync() => insert.DisposeAsync();
    }
}
