using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Socle.Directory.Import;

/// <summary>
/// Large arrays for the import's maps, backed by transparent huge pages where Linux offers them on request
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c>, the usual default). A map of millions of
/// slots is probed at random: with 4 KB pages each first touch is a page fault and most probes a TLB miss; with 2 MB
/// pages both are 512 times rarer (decision 0024). Elsewhere, or for small arrays, a plain array.
/// </summary>
internal static partial class HugePageArrays
{
    /// <summary>Below this size the advice is not worth a system call: a huge page is 2 MB.</summary>
    private const long MinBytes = 4L << 20;

    private const int HugePage = 2 << 20;
    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    /// <summary>A zeroed array of <paramref name="length"/> elements.</summary>
    public static T[] Allocate<T>(int length)
        where T : struct
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinBytes || !OperatingSystem.IsLinux() || RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            return new T[length];
        }

        // Not zeroed by the runtime, so that the advice comes before the first write: the clearing below, one huge page
        // at a time. (The large object heap does not move arrays; the advice stays with the addresses in any case.)
        var array = GC.AllocateUninitializedArray<T>(length);
        Advise(array, bytes);
        Array.Clear(array);
        return array;
    }

    private static unsafe void Advise<T>(T[] array, long bytes)
    {
        fixed (byte* start = &Unsafe.As<T, byte>(ref MemoryMarshal.GetArrayDataReference(array)))
        {
            Advise((nint)start, bytes);
        }
    }

    private static void Advise(nint from, long bytes)
    {
        var alignedFrom = (from + HugePage - 1) & ~(nint)(HugePage - 1);
        var alignedTo = (from + (nint)bytes) & ~(nint)(HugePage - 1);
        if (alignedTo > alignedFrom)
        {
            // Advice only: where the kernel has no huge pages to give (disabled, or memory too fragmented) the call fails
            // or the pages stay small, and the array works the same.
            _ = Madvise(alignedFrom, (nuint)(alignedTo - alignedFrom), AdviseHugePage);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
