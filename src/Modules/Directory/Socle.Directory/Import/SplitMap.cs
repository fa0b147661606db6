using System.Runtime.CompilerServices;

namespace Socle.Directory.Import;

/// <summary>
/// A map by 64-bit hash kept in two halves, chosen by one bit of the hash, so that two threads can fill it at once,
/// each its own half: loading an import's state (millions of entries into the maps of a file) then uses both cores
/// (decision 0022). Each half is a <see cref="LongMap{TValue}"/>; for one thread at a time otherwise.
/// </summary>
internal sealed class SplitMap<TValue>
    where TValue : struct
{
    private readonly LongMap<TValue>[] halves;

    /// <summary>A map sized for <paramref name="capacity"/> entries, so that filling it never grows it.</summary>
    public SplitMap(int capacity = 0)
    {
        // Each half gets about half of the entries: eight standard deviations more leaves no room for a resize.
        var half = capacity == 0 ? 0 : (capacity / 2) + (4 * (int)Math.Sqrt(capacity)) + 16;
        halves = [new LongMap<TValue>(half), new LongMap<TValue>(half)];
    }

    public int Count => halves[0].Count + halves[1].Count;

    /// <summary>The half that holds <paramref name="key"/>: 0 or 1.</summary>
    // The top bit of a multiplicative hash; each half spreads its keys with another multiplier (LongMap).
    public static int HalfOf(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 63);

    /// <summary>The value of a key, to read or change in place; a null reference when it has none.</summary>
    public ref TValue Find(long key) => ref halves[HalfOf(key)].Find(key);

    /// <summary>Brings the slot of a key into the processor's cache, ahead of <see cref="Find"/>.</summary>
    public void Prefetch(long key) => halves[HalfOf(key)].Prefetch(key);

    public bool TryGetValue(long key, out TValue value)
    {
        ref var found = ref Find(key);
        var exists = !Unsafe.IsNullRef(ref found);
        value = exists ? found : default;
        return exists;
    }

    /// <summary>Sets a key of <paramref name="half"/>, the one <see cref="HalfOf"/> gives: one thread per half at a time.</summary>
    public void Set(int half, long key, TValue value) => halves[half].Set(key, value);

    public void Set(long key, TValue value) => Set(HalfOf(key), key, value);

    /// <summary>Removes a key of <paramref name="half"/>, the one <see cref="HalfOf"/> gives: one thread per half at a time.</summary>
    public void Remove(int half, long key) => halves[half].Remove(key);

    public IEnumerable<KeyValuePair<long, TValue>> All()
    {
        foreach (var half in halves)
        {
            foreach (var pair in half.All())
            {
                yield return pair;
            }
        }
    }
}
