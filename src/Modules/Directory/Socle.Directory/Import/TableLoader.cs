using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// A first load: the file's tables are empty, so its records go straight into them instead of through the staging
/// table and a merge, which would write every row twice (decision 0018). The tables' indexes are dropped first and
/// built once at the end. It all happens inside the import's transaction: a refused or aborted first load leaves the
/// tables empty, with their indexes.
/// </summary>
internal abstract class TableLoader : IRecordSink
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly IReadOnlyList<DirectoryTable> tables;

    protected TableLoader(DbConnection connection, DbTransaction transaction, IReadOnlyList<DirectoryTable> tables)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.tables = tables;
    }

    /// <summary>Opens the load of <paramref name="tables"/>, the last of which gets one record per line.</summary>
    public static async Task<IRecordSink> OpenAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DirectoryTable> tables, long importId, long validFrom, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await ImportSql.DropIndexesAsync(connection, transaction, table, cancellationToken);
        }

        return connection is NpgsqlConnection pg
            ? await PostgresTableLoader.OpenAsync(pg, transaction, tables, importId, validFrom, cancellationToken)
            : new SqliteTableLoader((SqliteConnection)connection, (SqliteTransaction)transaction, tables, importId, validFrom);
    }

    public abstract ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken);

    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Writes the records that waited for the connection, then builds the tables' indexes.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await CopySpilledAsync(cancellationToken);
        foreach (var table in tables)
        {
            await ImportSql.BuildIndexesAsync(connection, transaction, table, cancellationToken);
        }
    }

    public abstract ValueTask DisposeAsync();

    protected abstract Task CopySpilledAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection runs one COPY at a time: the line table is copied while the file is read, the other tables'
    /// records (persons and structures, repeated on many lines and kept once) wait in a temporary file each and are
    /// copied after it.
    /// </summary>
    private sealed class PostgresTableLoader : TableLoader
    {
        private readonly NpgsqlConnection npgsql;
        private readonly DirectoryTable lineTable;
        private readonly Dictionary<DirectoryTable, RecordSpill> spills;
        private readonly long importId;
        private readonly long validFrom;
        private NpgsqlBinaryImporter? copy;

        private PostgresTableLoader(NpgsqlConnection connection, DbTransaction transaction, IReadOnlyList<DirectoryTable> tables, long importId, long validFrom)
            : base(connection, transaction, tables)
        {
            npgsql = connection;
            this.importId = importId;
            this.validFrom = validFrom;
            lineTable = tables[^1];
            spills = tables.Take(tables.Count - 1).ToDictionary(t => t, _ => new RecordSpill());
        }

        public static async Task<IRecordSink> OpenAsync(
            NpgsqlConnection connection, DbTransaction transaction, IReadOnlyList<DirectoryTable> tables, long importId, long validFrom, CancellationToken cancellationToken)
        {
            var loader = new PostgresTableLoader(connection, transaction, tables, importId, validFrom);
            loader.copy = await loader.BeginCopyAsync(loader.lineTable, cancellationToken);
            return loader;
        }

        public override ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            if (record.Table == lineTable)
            {
                WriteRow(copy!, record);
            }
            else
            {
                spills[record.Table].Write(record);
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>Ends the line table's COPY.</summary>
        public override Task CompleteAsync(CancellationToken cancellationToken) => CompleteCopyAsync(cancellationToken);

        protected override async Task CopySpilledAsync(CancellationToken cancellationToken)
        {
            foreach (var (table, spill) in spills)
            {
                copy = await BeginCopyAsync(table, cancellationToken);
                foreach (var record in spill.ReadAll())
                {
                    WriteRow(copy, record);
                }

                await CompleteCopyAsync(cancellationToken);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }

            foreach (var spill in spills.Values)
            {
                spill.Dispose();
            }
        }

        private Task<NpgsqlBinaryImporter> BeginCopyAsync(DirectoryTable table, CancellationToken cancellationToken) =>
            npgsql.BeginBinaryImportAsync($"COPY {DirectorySql.Table(true, table.Name)} ({DirectorySql.InsertColumns(table)}) FROM STDIN (FORMAT BINARY)", cancellationToken);

        private async Task CompleteCopyAsync(CancellationToken cancellationToken)
        {
            await copy!.CompleteAsync(cancellationToken);
            await copy.DisposeAsync();
            copy = null;
        }

        private void WriteRow(NpgsqlBinaryImporter importer, StagedRecord record)
        {
            // Synchronous writes only copy into Npgsql's buffer, which it flushes when full (see StageWriter).
            importer.StartRow();
            importer.Write(record.Id, NpgsqlDbType.Bigint);
            importer.Write(record.Key, NpgsqlDbType.Text);
            importer.Write(record.Hash, NpgsqlDbType.Bigint);
            importer.Write(validFrom, NpgsqlDbType.Bigint);
            importer.WriteNull();
            importer.Write(importId, NpgsqlDbType.Bigint);
            importer.WriteTextColumns(record.Values, record.Table.Fields.Count);
        }
    }

    /// <summary>One prepared insert per table: SQLite runs any number of statements on one connection.</summary>
    private sealed class SqliteTableLoader : TableLoader
    {
        private readonly Dictionary<DirectoryTable, SqliteCommand> inserts;

        public SqliteTableLoader(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DirectoryTable> tables, long importId, long validFrom)
            : base(connection, transaction, tables)
        {
            inserts = tables.ToDictionary(t => t, t =>
            {
                var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                var fields = Enumerable.Range(0, t.Fields.Count).Select(i => "$v" + i).ToList();
                insert.CommandText = $"INSERT INTO {DirectorySql.Table(false, t.Name)} ({DirectorySql.InsertColumns(t)}) VALUES ($id, $key, $hash, $from, NULL, $import, {string.Join(", ", fields)})";
                insert.Parameters.Add(new SqliteParameter("$id", null));
                insert.Parameters.Add(new SqliteParameter("$key", null));
                insert.Parameters.Add(new SqliteParameter("$hash", null));
                insert.Parameters.Add(new SqliteParameter("$from", validFrom));
                insert.Parameters.Add(new SqliteParameter("$import", importId));
                foreach (var field in fields)
                {
                    insert.Parameters.Add(new SqliteParameter(field, null));
                }

                insert.Prepare();
                return insert;
            });
        }

        public override ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            var insert = inserts[record.Table];
            var p = insert.Parameters;
            p[0].Value = record.Id;
            p[1].Value = record.Key;
            p[2].Value = record.Hash;
            for (var i = 0; i < record.Table.Fields.Count; i++)
            {
                p[i + 5].Value = i < record.Values.Length && record.Values[i] is { } value ? value : DBNull.Value;
            }

            // Microsoft.Data.Sqlite runs its async methods synchronously: the plain call saves a state machine per row.
            insert.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        public override Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        protected override Task CopySpilledAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override async ValueTask DisposeAsync()
        {
            foreach (var insert in inserts.Values)
            {
                await insert.DisposeAsync();
            }
        }
    }
}
