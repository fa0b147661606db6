using System.Data.Common;
using System.Globalization;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Applies one table's differences, set-wise, inside the import's transaction: the staging table holds only new and
/// changed records (the importer compared content hashes with <see cref="TableKeys"/>), the closing table the
/// ids of the current versions that changed or disappeared. Unchanged records are not touched.
/// </summary>
internal static class SnapshotMerger
{
    public static async Task<EntityChanges> MergeAsync(
        DbConnection connection, DbTransaction transaction, TableKeys keys, long importId, long now,
        CancellationToken cancellationToken)
    {
        var table = keys.Table;
        var postgres = connection is Npgsql.NpgsqlConnection;
        var target = DirectorySql.Table(postgres, table.Name);
        var entity = table.Code.ToString(CultureInfo.InvariantCulture);

        // A first load into an empty table builds its indexes once at the end instead of row by row.
        var firstLoad = keys.IsFirstLoad;
        if (firstLoad)
        {
            await ImportSql.DropIndexesAsync(connection, transaction, table, cancellationToken);
        }
        else if (keys.ToClose.Count > 0)
        {
            await ExecuteAsync($"UPDATE {target} SET \"ValidTo\" = {now} WHERE \"Id\" IN (SELECT \"Id\" FROM \"{DirectorySql.CloseTable}\" WHERE \"Entity\" = {entity})");
        }

        // Every new and changed record was staged, and only those.
        if (keys.Added + keys.Changed > 0)
        {
            var values = string.Join(", ", table.Fields.Select((_, i) => $"s.\"V{i}\""));
            await ExecuteAsync(
                $"INSERT INTO {target} ({DirectorySql.InsertColumns(table)}) " +
                $"SELECT s.\"Id\", s.\"Key\", s.\"Hash\", {now}, NULL, {importId}, {values} FROM \"{DirectorySql.StageTable}\" s WHERE s.\"Entity\" = {entity}");
        }

        var changes = keys.Changes();
        if (firstLoad)
        {
            await ImportSql.BuildIndexesAsync(connection, transaction, table, cancellationToken);
        }
        else if (changes.Added + changes.Changed + changes.Removed > changes.Unchanged / 20)
        {
            await ImportSql.AnalyzeAsync(connection, transaction, table, cancellationToken);
        }

        return changes;

        Task ExecuteAsync(string sql) => ImportSql.ExecuteAsync(connection, transaction, sql, cancellationToken);
    }
}
