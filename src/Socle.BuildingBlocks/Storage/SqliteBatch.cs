using Microsoft.Data.Sqlite;

namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// The statements a unit of <see cref="SqliteGroupCommit"/> runs, in the group's transaction. Each SQL text is prepared
/// once on the committer's connection and bound again on every use; its parameters are <c>@p0</c>, <c>@p1</c>... in the
/// order of the values. Preparing a statement costs several times running an indexed one.
/// </summary>
public sealed class SqliteBatch : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    private SqliteBatch(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<object?> values) => Bind(sql, values).ExecuteNonQuery();

    /// <summary>Runs a query; the caller disposes the reader before its next statement.</summary>
    public SqliteDataReader Query(string sql, params ReadOnlySpan<object?> values) => Bind(sql, values).ExecuteReader();

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
        Connection.Dispose();
    }

    internal static SqliteBatch Open(string connectionString)
    {
        SqliteRuntime.EnsureConfigured();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmaInterceptor.Pragmas;
            pragmas.ExecuteNonQuery();
            return new SqliteBatch(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal SqliteTransaction Begin() => transaction = Connection.BeginTransaction();

    private SqliteCommand Bind(string sql, ReadOnlySpan<object?> values)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, null));
            }

            prepared[sql] = command;
        }

        if (command.Parameters.Count != values.Length)
        {
            throw new ArgumentException($"The statement was prepared with {command.Parameters.Count} values, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.Transaction = transaction;
        return command;
    }
}
