namespace Socle.BuildingBlocks.Storage;

/// <summary>
/// Process-wide settings of the SQLite library, applied once before the first connection opens (SQLite refuses them
/// afterwards). Memory statistics are turned off: with them on, every allocation of every connection takes one global
/// mutex, and parsing a statement allocates hundreds of times, so concurrent requests queued on it.
/// </summary>
internal static class SqliteRuntime
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>True once applied; false if a connection was opened first (SQLITE_MISUSE), which changes nothing else.</summary>
    private static bool Configure()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0) == SQLitePCL.raw.SQLITE_OK;
    }
}
