using System.Runtime.InteropServices;

namespace Socle.Directory.Import;

/// <summary>
/// A map by 64-bit hash kept in two halves, chosen by one bit of the hash, so that two threads can fill it at once,
/// each its own half: loading an import's state (millions of entries into the maps of a file) then uses both cores
/// (decision 0022). Otherwise a dictionary, for one thread at a time.
/// </summary>
internal sealed class SplitMap<TValue>
{
    private readonly Dictionary<long, TValue>[] halves;

    /// <summary>A map sized for <paramref name="capacity"/> entries, so that filling it never grows it.</summary>
    public SplitMap(int capacity = 0)
    {
        // Each half gets about half of the entries: eight standard deviations more leaves no room for a resize.
        var half = capacity == 0 ? 0 : (capacity / 2) + (4 * (int)Math.Sqrt(capacity)) + 16;
        halves = [new Dictionary<long, TValue>(half), new Dictionary<long, TValue>(half)];
    }

    public int Count => halves[0].Count + halves[1].Count;

    /// <summary>The half that holds <paramref name="key"/>: 0 or 1.</summary>
    // The top bit of a multiplicative hash, so that the half does not follow the bits the dictionaries use.
    public static int HalfOf(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 63);

    /// <summary>The value of a key, to read or change in place; a null reference when it has none.</summary>
    public ref TValue Find(long key) => ref CollectionsMarshal.GetValueRefOrNullRef(halves[HalfOf(key)], key);

    public bool TryGetValue(long key, out TValue value) => halves[HalfOf(key)].TryGetValue(key, out value!);

    /// <summary>Sets a key of <paramref name="half"/>, the one <see cref="HalfOf"/> gives: one thread per half at a time.</summary>
    public void Set(int half, long key, TValue value) => halves[half][key] = value;

    public void Set(long key, TValue value) => Set(HalfOf(key), key, value);

    /// <summary>Removes a key of <paramref name="half"/>, the one <see cref="HalfOf"/> gives: one thread per half at a time.</summary>
    public void Remove(int half, long key) => halves[half].Remove(key);

    public IEnumerable<KeyValuePair<long, TValue>> All()
    {
        foreach (var half in halves)
        {
            foreach (var pair in half)
            {
                yield return pair;
            }
        }
    }
}
