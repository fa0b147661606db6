using System.Diagnostics;
using Socle.Directory.Contracts;

namespace Socle.Directory.Import;

/// <summary>
/// Where an import's time went, for its report: the steps of the import itself, one after the other, and the database
/// work that ran while the next file was read, timed on its own.
/// </summary>
internal sealed class ImportPhases
{
    private readonly List<ImportPhase> phases = [];
    private readonly Stopwatch lap = Stopwatch.StartNew();

    public IReadOnlyList<ImportPhase> All
    {
        get
        {
            lock (phases)
            {
                return [.. phases];
            }
        }
    }

    /// <summary>Ends a step of the import: the time since the previous one ended.</summary>
    public void Lap(string name)
    {
        Add(name, lap.Elapsed);
        lap.Restart();
    }

    /// <summary>Starts the next step's time after work that reported its own.</summary>
    public void Resume() => lap.Restart();

    /// <summary>Work that ran beside the steps, timed by its caller.</summary>
    public void Add(string name, TimeSpan elapsed)
    {
        lock (phases)
        {
            phases.Add(new ImportPhase(name, Math.Round(elapsed.TotalSeconds, 2)));
        }
    }
}
