using System.Runtime.CompilerServices;
using Socle.Directory.Import;

namespace Socle.Directory.Tests;

/// <summary>The open-addressing map agrees with a dictionary through inserts, updates, removals and growth.</summary>
public sealed class LongMapTests
{
    [Theory]
    [InlineData(12)] // the smallest map, never grown: its runs wrap around the end all the time
    [InlineData(300)]
    public void RandomOperations_LeaveTheSameContentAsADictionary(int distinctKeys)
    {
        var random = new Random(22);

        // Few distinct keys in a small map: long probe runs, many removals inside runs.
        var keys = Enumerable.Range(0, distinctKeys).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Append(0).ToArray();
        var map = new LongMap<long>();
        var expected = new Dictionary<long, long>();
        for (var step = 0; step < 50_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.Remove(key), map.Remove(key));
            }
            else
            {
                map.Set(key, step);
                expected[key] = step;
            }

            if (step % 997 == 0)
            {
                AssertSame(expected, map, keys);
            }
        }

        AssertSame(expected, map, keys);
    }

    [Fact]
    public void ValuesChangeInPlace_ThroughTheReferenceFindGives()
    {
        var map = new LongMap<(int A, int B)>(4);
        map.Set(42, (1, 2));
        map.Find(42).B = 7;

        Assert.Equal((1, 7), map.Find(42));
        Assert.True(Unsafe.IsNullRef(ref map.Find(43)));
        Assert.True(Unsafe.IsNullRef(ref map.Find(0)));
        map.Prefetch(43);
    }

    [Fact]
    public void AMapSizedForItsEntries_HoldsThemAll_AndGrowsPastThem()
    {
        var map = new LongMap<int>(1_000);
        for (var i = 1; i <= 5_000; i++)
        {
            map.Set(i * 0x5851F42D4C957F2DL, i);
        }

        Assert.Equal(5_000, map.Count);
        Assert.All(Enumerable.Range(1, 5_000), i => Assert.Equal(i, map.Find(i * 0x5851F42D4C957F2DL)));
    }

    private static void AssertSame(Dictionary<long, long> expected, LongMap<long> map, long[] keys)
    {
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), map.All().OrderBy(p => p.Key));
        foreach (var key in keys)
        {
            ref var value = ref map.Find(key);
            Assert.Equal(expected.TryGetValue(key, out var wanted), !Unsafe.IsNullRef(ref value));
            if (!Unsafe.IsNullRef(ref value))
            {
                Assert.Equal(wanted, value);
            }
        }
    }
}
