using System.Globalization;
using System.Runtime.InteropServices;
using Socle.Directory.Import;

namespace Socle.Directory.Tests;

/// <summary>The import's large arrays come zeroed and of the asked length, on huge pages or not.</summary>
public sealed class HugePageArraysTests
{
    private const int LargeLength = 3_000_000; // 24 MB of longs: advised and cleared by the allocator itself

    [Fact]
    public void LargeArray_ReusingTheMemoryOfAnotherOne_IsZeroed()
    {
        // The runtime does not zero these arrays, and the second one usually gets the freed memory of the first: without
        // the allocator's own clearing this fails (checked).
        for (var round = 0; round < 3; round++)
        {
            var used = HugePageArrays.Allocate<long>(LargeLength);
            Array.Fill(used, -1L);
            GC.KeepAlive(used);
            used = null;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);

            var array = HugePageArrays.Allocate<long>(LargeLength);
            Assert.Equal(LargeLength, array.Length);
            Assert.True(array.AsSpan().IndexOfAnyExcept(0L) < 0, $"round {round}: a slot was not zero");
        }
    }

    [Fact]
    public void LargeArray_OnLinux_LiesInMemoryAdvisedForHugePages()
    {
        if (!OperatingSystem.IsLinux() || !System.IO.Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
        {
            return; // no transparent huge pages to ask for
        }

        var array = HugePageArrays.Allocate<long>(LargeLength);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var middle = (ulong)(handle.AddrOfPinnedObject() + (LargeLength * sizeof(long) / 2));
            Assert.Contains("hg", MappingFlags(middle));
        }
        finally
        {
            handle.Free();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(LargeLength)]
    public void AnyLength_GivesAnArrayOfThatLength(int length)
    {
        var array = HugePageArrays.Allocate<(long Key, int Value)>(length);

        Assert.Equal(length, array.Length);
        Assert.All(array, slot => Assert.Equal(default, slot));
    }

    [Fact]
    public void LargeMap_KeepsWhatItIsGiven()
    {
        var map = new LongMap<long>(LargeLength);
        for (long key = 1; key <= LargeLength; key++)
        {
            map.Set(key * 7919, key);
        }

        Assert.Equal(LargeLength, map.Count);
        Assert.Equal(1234L, map.Find(1234L * 7919));
    }

    /// <summary>The <c>VmFlags</c> of the mapping that holds <paramref name="address"/>, from <c>/proc/self/smaps</c>.</summary>
    private static string[] MappingFlags(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = address >= from && address < to;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException($"no mapping holds {address:x}");
    }
}
