using System.Data.Common;
using System.Globalization;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Applies the staged snapshot to one versioned table, set-wise, inside the import's transaction. A join and an
/// anti-join of the staged records with the current versions find what was added, changed or removed; then only those
/// rows are touched: the current version of a removed or changed record is closed (<c>ValidTo</c>) and a new version is
/// opened for every added or changed one.
/// </summary>
internal static class SnapshotMerger
{
    private const string Diff = "directory_diff";

    public static async Task<EntityChanges> MergeAsync(
        DbConnection connection, DbTransaction transaction, DirectoryTable table, long importId, long now, CancellationToken cancellationToken)
    {
        var postgres = connection is Npgsql.NpgsqlConnection;
        var target = DirectorySql.Table(postgres, table.Name);
        var stage = $"\"{DirectorySql.StageTable}\"";
        var entity = table.Code.ToString(CultureInfo.InvariantCulture);

        // A first load into an empty table builds its indexes once at the end instead of row by row.
        var empty = await ScalarAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM {target} LIMIT 1) x") == 0;
        if (empty)
        {
            foreach (var (index, _) in DirectorySql.Indexes(postgres, table))
            {
                await ExecuteAsync($"DROP INDEX {DirectorySql.QualifiedIndex(postgres, index)}");
            }
        }

        await ExecuteAsync($"DROP TABLE IF EXISTS {(postgres ? string.Empty : "temp.")}\"{Diff}\"");
        // Added and changed records (a join that walks the target's key index), then removed ones (an anti-join on the
        // staging index). SQLite would run a FULL JOIN against a materialised subquery row by row.
        await ExecuteAsync(
            $"CREATE TEMP TABLE \"{Diff}\" AS SELECT t.\"Id\" AS \"TargetId\", s.\"Key\" AS \"StageKey\" FROM {stage} s " +
            $"LEFT JOIN {target} t ON t.\"Key\" = s.\"Key\" AND t.\"ValidTo\" IS NULL " +
            $"WHERE s.\"Entity\" = {entity} AND (t.\"Id\" IS NULL OR t.\"Hash\" <> s.\"Hash\")");
        await ExecuteAsync(
            $"INSERT INTO \"{Diff}\" (\"TargetId\", \"StageKey\") SELECT t.\"Id\", NULL FROM {target} t WHERE t.\"ValidTo\" IS NULL " +
            $"AND NOT EXISTS (SELECT 1 FROM {stage} s WHERE s.\"Entity\" = {entity} AND s.\"Key\" = t.\"Key\")");
        var staged = await ScalarAsync($"SELECT COUNT(*) FROM {stage} WHERE \"Entity\" = {entity}");
        var added = await ScalarAsync($"SELECT COUNT(*) FROM \"{Diff}\" WHERE \"TargetId\" IS NULL");
        var removed = await ScalarAsync($"SELECT COUNT(*) FROM \"{Diff}\" WHERE \"StageKey\" IS NULL");
        var changed = await ScalarAsync($"SELECT COUNT(*) FROM \"{Diff}\" WHERE \"TargetId\" IS NOT NULL AND \"StageKey\" IS NOT NULL");

        if (removed + changed > 0)
        {
            await ExecuteAsync($"UPDATE {target} SET \"ValidTo\" = {now} WHERE \"Id\" IN (SELECT \"TargetId\" FROM \"{Diff}\" WHERE \"TargetId\" IS NOT NULL)");
        }

        if (added + changed > 0)
        {
            var fields = string.Join(", ", table.Fields.Select(f => $"\"{f}\""));
            var values = string.Join(", ", table.Fields.Select((_, i) => $"s.\"V{i}\""));
            var source = empty
                ? $"{stage} s WHERE s.\"Entity\" = {entity}"
                : $"{stage} s WHERE s.\"Entity\" = {entity} AND s.\"Key\" IN (SELECT \"StageKey\" FROM \"{Diff}\" WHERE \"StageKey\" IS NOT NULL)";
            await ExecuteAsync($"INSERT INTO {target} (\"Key\", \"Hash\", \"ValidFrom\", \"ValidTo\", \"ImportId\", {fields}) SELECT s.\"Key\", s.\"Hash\", {now}, NULL, {importId}, {values} FROM {source}");
        }

        if (empty)
        {
            foreach (var (_, create) in DirectorySql.Indexes(postgres, table))
            {
                await ExecuteAsync(create);
            }
        }

        await ExecuteAsync($"DROP TABLE \"{Diff}\"");

        // Fresh planner statistics after a large change (SQLite has no auto-analyse; PostgreSQL's comes too late).
        if (empty || added + changed + removed > staged / 20)
        {
            await ExecuteAsync($"ANALYZE {target}");
        }

        return new EntityChanges(table.Entity, added, changed, removed, staged - added - changed);

        async Task<long> ScalarAsync(string sql)
        {
            await using var command = Command(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        async Task ExecuteAsync(string sql)
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = 0;
            return command;
        }
    }
}
