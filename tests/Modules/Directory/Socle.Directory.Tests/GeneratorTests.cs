using Socle.Directory.Extracts;
using Socle.Directory.Import;
using Socle.Directory.Sandbox;

namespace Socle.Directory.Tests;

public sealed class GeneratorTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "socle-gen-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void SameArguments_SameFiles()
    {
        var first = Generate(300, "a");
        var second = Generate(300, "b");
        Assert.Equal(first.Files.Select(File.ReadAllBytes), second.Files.Select(File.ReadAllBytes));
    }

    [Fact]
    public void EveryGeneratedLine_PassesTheImportRules_AndTheMixIsRealistic()
    {
        var extract = Generate(2_000, "c");
        var professions = new HashSet<string>();
        var mailboxTypes = new HashSet<string>();
        foreach (var file in extract.Files)
        {
            var lines = File.ReadAllLines(file);
            var kind = ExtractKind.FromHeader(lines[0])!;
            Assert.Same(kind, ExtractKind.FromFileName(file));
            var mapper = ExtractMapper.For(kind);
            var records = new List<StagedRecord>();
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = ExtractFields.Split(lines[i], kind.Columns.Count, out var error);
                Assert.True(fields is not null, $"{Path.GetFileName(file)}:{i + 1}: {error}");
                var reason = mapper.Map(fields, i + 1, records);
                Assert.True(reason is null, $"{Path.GetFileName(file)}:{i + 1}: {reason}");
                if (kind == ExtractKind.PersonActivity)
                {
                    professions.Add(fields[9]);
                }
                else if (kind == ExtractKind.Mailboxes)
                {
                    mailboxTypes.Add(fields[0]);
                }
            }
        }

        Assert.Superset(new HashSet<string> { "10", "21", "40", "50", "60", "70" }, professions);
        Assert.Equal(new HashSet<string> { "PER", "ORG" }, mailboxTypes);
    }

    [Fact]
    public void TheNextDay_ChangesAboutOnePercentOfTheLines()
    {
        var day0 = File.ReadAllLines(Generate(5_000, "d0").Files[0]).Skip(1).ToHashSet();
        var day1 = File.ReadAllLines(Generate(5_000, "d1", day: 1).Files[0]).Skip(1).ToHashSet();
        var changed = day0.Except(day1).Count() + day1.Except(day0).Count();
        Assert.InRange(changed, day0.Count / 200, day0.Count / 25);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private Contracts.GeneratedExtract Generate(int persons, string name, int day = 0) =>
        new DirectoryGenerator(TimeProvider.System).Write(persons, Path.Combine(folder, name), day, null);
}
