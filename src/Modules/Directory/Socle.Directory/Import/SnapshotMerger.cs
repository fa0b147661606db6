using System.Data.Common;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// Applies the staged snapshot to one versioned table, set-wise, inside the import's transaction: the current
/// version of a record that disappeared or changed is closed (<c>ValidTo</c>), and a new version is opened for
/// every new or changed record. Unchanged records are not touched.
/// </summary>
internal static class SnapshotMerger
{
    public static async Task<EntityChanges> MergeAsync(
        DbConnection connection, DbTransaction transaction, DirectoryTable table, long importId, long now, CancellationToken cancellationToken)
    {
        var postgres = connection is Npgsql.NpgsqlConnection;
        var target = DirectorySql.Table(postgres, table.Name);
        var alias = $"\"{table.Name}\"";
        var stage = $"\"{DirectorySql.StageTable}\"";
        var entity = table.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var staged = await ScalarAsync($"SELECT COUNT(*) FROM {stage} WHERE \"Entity\" = {entity}");
        var changed = await ScalarAsync(
            $"SELECT COUNT(*) FROM {stage} s JOIN {target} t ON t.\"Key\" = s.\"Key\" AND t.\"ValidTo\" IS NULL " +
            $"WHERE s.\"Entity\" = {entity} AND t.\"Hash\" <> s.\"Hash\"");
        var closed = await ExecuteAsync(
            $"UPDATE {target} SET \"ValidTo\" = {now} WHERE \"ValidTo\" IS NULL AND NOT EXISTS " +
            $"(SELECT 1 FROM {stage} s WHERE s.\"Entity\" = {entity} AND s.\"Key\" = {alias}.\"Key\" AND s.\"Hash\" = {alias}.\"Hash\")");
        var fields = string.Join(", ", table.Fields.Select(f => $"\"{f}\""));
        var values = string.Join(", ", table.Fields.Select((_, i) => $"s.\"V{i}\""));
        var inserted = await ExecuteAsync(
            $"INSERT INTO {target} (\"Key\", \"Hash\", \"ValidFrom\", \"ValidTo\", \"ImportId\", {fields}) " +
            $"SELECT s.\"Key\", s.\"Hash\", {now}, NULL, {importId}, {values} FROM {stage} s WHERE s.\"Entity\" = {entity} " +
            $"AND NOT EXISTS (SELECT 1 FROM {target} t WHERE t.\"Key\" = s.\"Key\" AND t.\"ValidTo\" IS NULL)");

        // Fresh planner statistics after a large change (SQLite has no auto-analyse; PostgreSQL's comes too late).
        await ExecuteAsync($"ANALYZE {target}");
        return new EntityChanges(table.Entity, Added: inserted - changed, Changed: changed, Removed: closed - changed, Unchanged: staged - inserted);

        async Task<long> ScalarAsync(string sql)
        {
            await using var command = Command(sql);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        async Task<long> ExecuteAsync(string sql)
        {
            await using var command = Command(sql);
            return await command.ExecuteNonQueryAsync(cancellationToken);
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
