using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Streams the records to write into the temporary staging table of the import's transaction: binary COPY on
/// PostgreSQL, one prepared insert on SQLite. One writer per extract file (a PostgreSQL connection runs one COPY at a
/// time, and the current versions of the next file's tables are read between two files).
/// </summary>
internal abstract class StageWriter : IRecordSink
{
    /// <summary>Creates the staging and closing tables of this transaction.</summary>
    public static async Task CreateTablesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var postgres = connection is NpgsqlConnection;
        if (!postgres)
        {
            await ImportSql.ExecuteAsync(connection, transaction, DirectorySql.DropSqliteStage, cancellationToken);
        }

        await ImportSql.ExecuteAsync(connection, transaction, DirectorySql.CreateStage(postgres), cancellationToken);
        await ImportSql.ExecuteAsync(connection, transaction, DirectorySql.CreateClose(postgres), cancellationToken);
        if (!postgres)
        {
            // Each file's tables are merged once it is read, from the rows of their table code.
            await ImportSql.ExecuteAsync(connection, transaction, $"CREATE INDEX \"ix_{DirectorySql.StageTable}\" ON \"{DirectorySql.StageTable}\" (\"Entity\")", cancellationToken);
            await ImportSql.ExecuteAsync(connection, transaction, $"CREATE INDEX \"ix_{DirectorySql.CloseTable}\" ON \"{DirectorySql.CloseTable}\" (\"Entity\", \"Id\")", cancellationToken);
        }
    }

    public static async Task<IRecordSink> OpenAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection is NpgsqlConnection pg
            ? await PostgresStageWriter.OpenAsync(pg, cancellationToken)
            : new SqliteStageWriter((SqliteConnection)connection, (SqliteTransaction)transaction);

    /// <summary>Writes the ids of the versions a file's tables close, for their merges.</summary>
    public static async Task WriteClosesAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(int Entity, long Id)> closes, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection pg)
        {
            await using (var importer = await pg.BeginBinaryImportAsync($"COPY \"{DirectorySql.CloseTable}\" (\"Entity\", \"Id\") FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var (entity, id) in closes)
                {
                    importer.StartRow();
                    importer.Write(entity, NpgsqlDbType.Integer);
                    importer.Write(id, NpgsqlDbType.Bigint);
                }

                await importer.CompleteAsync(cancellationToken);
            }

            // Temporary tables are never auto-analysed: without statistics the merge would plan for an empty closing table.
            // The staging table is only ever read whole, one table's rows at a time: its statistics would change nothing.
            await ImportSql.ExecuteAsync(connection, null, $"ANALYZE \"{DirectorySql.CloseTable}\"", cancellationToken);
            return;
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{DirectorySql.CloseTable}\" (\"Entity\", \"Id\") VALUES ($e, $i)";
            var entityParameter = new SqliteParameter("$e", 0);
            var idParameter = new SqliteParameter("$i", 0L);
            insert.Parameters.Add(entityParameter);
            insert.Parameters.Add(idParameter);
            foreach (var (entity, id) in closes)
            {
                entityParameter.Value = entity;
                idParameter.Value = id;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public abstract ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken);

    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Nothing waits: the merge reads the staged records.</summary>
    public Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    private sealed class PostgresStageWriter(NpgsqlBinaryImporter importer) : StageWriter
    {
        private bool completed;

        public static async Task<IRecordSink> OpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var columns = string.Join(", ", new[] { "\"Entity\"", "\"Id\"", "\"Key\"", "\"Hash\"" }
                .Concat(Enumerable.Range(0, DirectoryTable.MaxFields).Select(i => $"\"V{i}\"")));
            var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{DirectorySql.StageTable}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            return new PostgresStageWriter(importer);
        }

        public override ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            // The synchronous writes only copy into Npgsql's buffer (it flushes when full): millions of rows of 34
            // columns would spend most of their time in async state machines otherwise.
            importer.StartRow();
            importer.Write(record.Table.Code, NpgsqlDbType.Integer);
            importer.Write(record.Id, NpgsqlDbType.Bigint);
            importer.Write(record.Key, NpgsqlDbType.Text);
            importer.Write(record.Hash, NpgsqlDbType.Bigint);
            importer.WriteTextColumns(record.Values, DirectoryTable.MaxFields);
            return ValueTask.CompletedTask;
        }

        public override async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await importer.CompleteAsync(cancellationToken);
            await importer.DisposeAsync();
            completed = true;
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
        private readonly SqliteCommand insert;

        public SqliteStageWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var names = Enumerable.Range(0, DirectoryTable.MaxFields).Select(i => $"V{i}").ToList();
            insert.CommandText = $"INSERT INTO \"{DirectorySql.StageTable}\" (\"Entity\", \"Id\", \"Key\", \"Hash\", {string.Join(", ", names.Select(n => $"\"{n}\""))}) " +
                $"VALUES ($e, $i, $k, $h, {string.Join(", ", names.Select(n => "$" + n))})";
            insert.Parameters.Add(new SqliteParameter("$e", null));
            insert.Parameters.Add(new SqliteParameter("$i", null));
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
            p[1].Value = record.Id;
            p[2].Value = record.Key;
            p[3].Value = record.Hash;
            for (var i = 0; i < DirectoryTable.MaxFields; i++)
            {
                p[i + 4].Value = i < record.Values.Length && record.Values[i] is { } value ? value : DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        public override Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask DisposeAsync() => insert.DisposeAsync();
    }
}
