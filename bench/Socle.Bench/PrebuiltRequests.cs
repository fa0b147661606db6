namespace Socle.Bench;

/// <summary>
/// Requests that are costly to build (a deposit's bundle: a 30 KB CDA, its SHA-1, 43 KB of JSON), built before the
/// measured seconds on every core: the load generator shares the machine with the server and the database, and building
/// them while measuring took about a tenth of the machine's CPU in a profile of the deposits. A request past those built
/// (the measured rate beat the prediction) is built when it is sent, as before.
/// </summary>
internal sealed class PrebuiltRequests<T>(Func<int, T> build)
    where T : class
{
    /// <summary>Room for a measured rate this much above the warm-up's, which built its requests as it sent them.</summary>
    private const double Headroom = 2.5;

    private T?[] built = [];
    private int first;

    /// <summary>Builds the requests <paramref name="from"/> onwards, as many as the warm-up predicts with headroom.</summary>
    public Task BuildAsync(int from, int predicted)
    {
        first = from;
        var count = (int)(predicted * Headroom);
        built = new T?[count];
        var items = built;
        return Task.Run(() => Parallel.For(0, count, k => items[k] = build(from + k)));
    }

    /// <summary>Request <paramref name="i"/>, handed out once (its slot is released) or built now when it was not.</summary>
    public T Take(int i)
    {
        var slot = i - first;
        if (slot >= 0 && slot < built.Length && Interlocked.Exchange(ref built[slot], null) is { } request)
        {
            return request;
        }

        return build(i);
    }
}
