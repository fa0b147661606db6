namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// Process-wide settings of the SQLite library, applied once before the first connection opens (SQLite refuses them
/// afterwards). Memory statistics are turned off: with them on, every allocation of every connection takes one global
/// mutex, and parsing a statement allocates hundreds of times, so concurrent requests queued on it.
/// </summary>
internal static class SqliteRuntime
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static readonly Lazy<int> Result = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The SQLite result code of the configuration: 0, or SQLITE_MISUSE if a connection was opened first.</summary>
    public static int EnsureConfigured() => Result.Value;

    private static int Configure()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0);
    }
}
