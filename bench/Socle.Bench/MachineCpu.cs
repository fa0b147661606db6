using System.Globalization;

namespace Socle.Bench;

/// <summary>
/// The CPU time the whole machine spent busy (user, nice, system, irq, softirq; not idle, I/O wait or steal), from
/// /proc/stat. Divided by the requests of a run it gives the CPU each request cost, the database server's included:
/// a steadier figure than throughput on a VM whose speed drifts between runs. NaN where /proc/stat is missing.
/// </summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double BusySeconds()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            long busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
            return busy / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
