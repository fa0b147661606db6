using Microsoft.Data.Sqlite;

namespace Socle.Host.Tests.Infrastructure;

internal static class SqliteFiles
{
    /// <summary>
    /// Deletes a test's SQLite database with its WAL and shared-memory files, after closing the pooled connections that
    /// hold them open. Null: no database was created.
    /// </summary>
    public static void Delete(string? file)
    {
        SqliteConnection.ClearAllPools();
        if (file is null)
        {
            return;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }
}
