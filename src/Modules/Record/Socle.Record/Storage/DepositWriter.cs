using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Socle.BuildingBlocks.Storage;

namespace Socle.Record.Storage;

/// <summary>
/// Writes a deposit's new rows (its submission set, documents and their contents) in one transaction with the other
/// changes of the request. On PostgreSQL they go as one batch of plain INSERTs built from the EF model (every mapped
/// column, so a column added to an entity is written without touching this class): EF's SaveChanges of the same three
/// rows cost 10–17 % of the machine's CPU per deposit more (docs/decisions/0025). Without other changes the batch is its
/// own implicit transaction, in one round trip (docs/decisions/0028). On the embedded file, which has no round trips to
/// save, they go through SaveChanges. One instance per host: the statements serve the model they were built from.
/// </summary>
internal sealed class DepositWriter
{
    private Statements? statements;

    public async Task SaveAsync(RecordDbContext db, NewDeposit deposit, CancellationToken cancellationToken)
    {
        if (!db.IsPostgres)
        {
            db.SubmissionSets.Add(deposit.SubmissionSet);
            db.Documents.AddRange(deposit.Documents);
            db.Contents.AddRange(deposit.Contents);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var sql = statements ??= Statements.Build(db.Model);
        if (!db.ChangeTracker.HasChanges())
        {
            // The usual deposit, to a record that exists: the batch alone, which PostgreSQL runs as one implicit
            // transaction ended by its Sync (any failed statement rolls back them all). One round trip instead of the
            // two of BEGIN + batch and COMMIT (docs/decisions/0028).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var alone = sql.Batch(db.Database.GetDbConnection(), null, deposit);
            await alone.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A record opened by this deposit, the document it supersedes, a local patient's link: EF's, in the same transaction.
        await db.SaveChangesAsync(cancellationToken);
        await using var batch = sql.Batch(db.Database.GetDbConnection(), transaction.GetDbTransaction(), deposit);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record Statements(TableInsert SubmissionSet, TableInsert Document, TableInsert Content)
    {
        public static Statements Build(IModel model) =>
            new(TableInsert.For<SubmissionSetEntry>(model), TableInsert.For<DocumentEntry>(model), TableInsert.For<DocumentContent>(model));

        public DbBatch Batch(DbConnection connection, DbTransaction? transaction, NewDeposit deposit)
        {
            var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            SubmissionSet.AddTo(batch, deposit.SubmissionSet);
            foreach (var document in deposit.Documents)
            {
                Document.AddTo(batch, document);
            }

            foreach (var content in deposit.Contents)
            {
                Content.AddTo(batch, content);
            }

            return batch;
        }
    }

    /// <summary>An INSERT of every mapped column of an entity, with positional parameters (Npgsql sends the text as it is).</summary>
    private sealed record TableInsert(string Sql, IReadOnlyList<IProperty> Columns)
    {
        public static TableInsert For<T>(IModel model)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().ToList();
            var names = columns.Select(p => $"\"{p.GetColumnName(table)}\"");
            var values = columns.Select((_, i) => $"${i + 1}");
            var sql = $"INSERT INTO {ModuleDbContext.QuotedTable(true, entity.GetSchema()!, table.Name)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})";
            return new TableInsert(sql, columns);
        }

        public void AddTo(DbBatch batch, object row)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = Sql;
            foreach (var column in Columns)
            {
                var parameter = command.CreateParameter();
                parameter.Value = column.GetGetter().GetClrValueUsingContainingEntity(row) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }
    }
}

/// <summary>The rows a deposit adds: one submission set, its documents and their contents.</summary>
internal sealed record NewDeposit(SubmissionSetEntry SubmissionSet, IReadOnlyList<DocumentEntry> Documents, IReadOnlyList<DocumentContent> Contents);
