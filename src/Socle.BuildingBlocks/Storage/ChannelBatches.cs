using System.Threading.Channels;

namespace Socle.BuildingBlocks.Storage;

/// <summary>The read side of a group commit: what is queued is taken as one batch.</summary>
public static class ChannelBatches
{
    /// <summary>
    /// Waits for at least one item, then takes what is queued, up to <paramref name="max"/>, into
    /// <paramref name="batch"/> (cleared first). False once the channel is completed and empty.
    /// </summary>
    public static async ValueTask<bool> ReadBatchAsync<T>(this ChannelReader<T> reader, List<T> batch, int max)
    {
        batch.Clear();
        if (!await reader.WaitToReadAsync())
        {
            return false;
        }

        while (batch.Count < max && reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        return true;
    }
}
