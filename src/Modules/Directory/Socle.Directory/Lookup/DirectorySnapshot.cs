using Microsoft.Extensions.Primitives;

namespace Socle.Directory.Lookup;

/// <summary>
/// The published snapshot this process knows of. Cached lookups expire when it changes: at once after an import
/// in this process, and within <see cref="DirectoryOptions.SnapshotCheckIntervalMs"/> after one in another process
/// (the CLI, another host), which <see cref="SnapshotWatcher"/> detects.
/// </summary>
internal sealed class DirectorySnapshot
{
    private readonly Lock gate = new();
    private CancellationTokenSource changed = new();

    private long version;

    /// <summary>Fires when the next snapshot is published.</summary>
    public IChangeToken ChangeToken
    {
        get
        {
            lock (gate)
            {
                return new CancellationChangeToken(changed.Token);
            }
        }
    }

    public void Published(long importId)
    {
        CancellationTokenSource previous;
        lock (gate)
        {
            if (importId == version)
            {
                return;
            }

            version = importId;
            previous = changed;
            changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }
}
