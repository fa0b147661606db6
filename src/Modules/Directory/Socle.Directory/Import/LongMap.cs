using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Socle.Directory.Import;

/// <summary>
/// A map by 64-bit hash with open addressing (linear probing): the key and its value share a slot, so a lookup of a
/// key costs one cache miss where a dictionary costs two (its bucket, then its entry), and the slot can be prefetched
/// (<see cref="Prefetch"/>) before it is needed. For the import's maps of millions of entries (decision 0022).
/// </summary>
internal sealed class LongMap<TValue>
    where TValue : struct
{
    private const int MinCapacity = 16;

    private Slot[] slots;
    private int count;
    private int limit;
    private bool hasZero;
    private TValue zeroValue;

    public LongMap(int capacity = 0)
    {
        slots = HugePageArrays.Allocate<Slot>(Math.Max(MinCapacity, (int)Math.Min(int.MaxValue - 64, (capacity * 5L / 4) + 1)));
        limit = Limit(slots.Length);
    }

    public int Count => count + (hasZero ? 1 : 0);

    /// <summary>The value of a key, to read or change in place; a null reference when it has none.</summary>
    public ref TValue Find(long key)
    {
        if (key == 0)
        {
            return ref hasZero ? ref zeroValue : ref Unsafe.NullRef<TValue>();
        }

        var table = slots;
        var i = Home(key, table.Length);
        while (true)
        {
            ref var slot = ref table[i];
            if (slot.Key == key)
            {
                return ref slot.Value;
            }

            if (slot.Key == 0)
            {
                return ref Unsafe.NullRef<TValue>();
            }

            if (++i == table.Length)
            {
                i = 0;
            }
        }
    }

    /// <summary>Asks the processor to bring the slot of a key into its cache, ahead of a lookup.</summary>
    public unsafe void Prefetch(long key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref slots[Home(key, slots.Length)]));
        }
    }

    public void Set(long key, TValue value)
    {
        if (key == 0)
        {
            (hasZero, zeroValue) = (true, value);
            return;
        }

        if (count >= limit)
        {
            Grow();
        }

        var table = slots;
        var i = Home(key, table.Length);
        while (true)
        {
            ref var slot = ref table[i];
            if (slot.Key == key)
            {
                slot.Value = value;
                return;
            }

            if (slot.Key == 0)
            {
                slot.Key = key;
                slot.Value = value;
                count++;
                return;
            }

            if (++i == table.Length)
            {
                i = 0;
            }
        }
    }

    public bool Remove(long key)
    {
        if (key == 0)
        {
            var had = hasZero;
            (hasZero, zeroValue) = (false, default);
            return had;
        }

        var table = slots;
        var hole = Home(key, table.Length);
        while (table[hole].Key != key)
        {
            if (table[hole].Key == 0)
            {
                return false;
            }

            if (++hole == table.Length)
            {
                hole = 0;
            }
        }

        // Backward shift: every later key of the run whose home is not between the hole and itself moves into the hole.
        var next = hole;
        while (true)
        {
            if (++next == table.Length)
            {
                next = 0;
            }

            if (table[next].Key == 0)
            {
                break;
            }

            var home = Home(table[next].Key, table.Length);
            var stays = hole <= next ? home > hole && home <= next : home > hole || home <= next;
            if (!stays)
            {
                table[hole] = table[next];
                hole = next;
            }
        }

        table[hole] = default;
        count--;
        return true;
    }

    public IEnumerable<KeyValuePair<long, TValue>> All()
    {
        if (hasZero)
        {
            yield return new KeyValuePair<long, TValue>(0, zeroValue);
        }

        var table = slots;
        for (var i = 0; i < table.Length; i++)
        {
            if (table[i].Key != 0)
            {
                yield return new KeyValuePair<long, TValue>(table[i].Key, table[i].Value);
            }
        }
    }

    /// <summary>The first slot to probe: the high bits of a multiplicative hash, spread over the table's length.</summary>
    private static int Home(long key, int length) => (int)Math.BigMul((ulong)key * 0xC2B2AE3D27D4EB4FUL, (ulong)length, out _);

    /// <summary>At most four in five slots used: longer runs would cost more probes.</summary>
    private static int Limit(int length) => (int)(length * 4L / 5);

    private void Grow()
    {
        var old = slots;
        slots = HugePageArrays.Allocate<Slot>((int)Math.Min(int.MaxValue - 64, old.Length * 2L));
        limit = Limit(slots.Length);
        count = 0;
        foreach (var slot in old)
        {
            if (slot.Key != 0)
            {
                Set(slot.Key, slot.Value);
            }
        }
    }

    private struct Slot
    {
        public long Key;
        public TValue Value;
    }
}
