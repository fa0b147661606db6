using System.Text.RegularExpressions;

namespace Socle.Architecture.Tests;

/// <summary>Rules read from the source: the clock is injected, files stay small, no state outlives a PostgreSQL transaction.</summary>
public sealed partial class SourceRulesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Source_NeverReadsTheSystemClockDirectly()
    {
        var offenders = SourceLinesMatching(SystemClock());
        Assert.True(offenders.Count == 0, "Use the injected TimeProvider: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Source_FilesStayUnder500Lines()
    {
        var large = SourceFiles("src").Concat(SourceFiles("tests"))
            .Where(f => File.ReadLines(f).Count() > 500)
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.True(large.Count == 0, "Split these files: " + string.Join(", ", large));
    }

    [Fact]
    public void SystemClockPattern_CatchesTheForbiddenCalls()
    {
        Assert.Matches(SystemClock(), "var now = DateTime.UtcNow;");
        Assert.Matches(SystemClock(), "DateTimeOffset.Now.AddDays(1)");
        Assert.DoesNotMatch(SystemClock(), "clock.GetUtcNow()");
    }

    /// <summary>Pooled connections are not reset on their return (decision 0023): nothing may leave state in a session.</summary>
    [Fact]
    public void Source_KeepsNoStateInADatabaseSession()
    {
        var offenders = SourceLinesMatching(SessionState());
        Assert.True(offenders.Count == 0, "Use SET LOCAL and transaction-level locks: " + string.Join(", ", offenders));
    }

    [Fact]
    public void SessionStatePattern_CatchesSessionSettingsLocksAndListeners()
    {
        Assert.Matches(SessionState(), "\"SET work_mem = '128MB'\"");
        Assert.Matches(SessionState(), "\"BEGIN; set search_path TO socle\"");
        Assert.Matches(SessionState(), "\"SELECT pg_advisory_lock(7368001)\"");
        Assert.Matches(SessionState(), "\"LISTEN directory_imports\"");
        Assert.DoesNotMatch(SessionState(), "\"SET LOCAL work_mem = '128MB'\"");
        Assert.DoesNotMatch(SessionState(), "\"SELECT pg_advisory_xact_lock(7368001)\"");
        Assert.DoesNotMatch(SessionState(), "\"UPDATE \\\"t\\\" SET \\\"Status\\\" = 'x'\"");
    }

    /// <summary>Where a line of the production source matches, as file:line.</summary>
    private static List<string> SourceLinesMatching(Regex pattern) =>
        SourceFiles("src")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => pattern.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}")
            .ToList();

    private static IEnumerable<string> SourceFiles(string folder) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Socle.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Socle.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();

    [GeneratedRegex(@"(?i)(["";]\s*(SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_]+\s*(=|TO\b)|LISTEN\s)|pg_advisory_lock(_shared)?\s*\()")]
    private static partial Regex SessionState();
}
