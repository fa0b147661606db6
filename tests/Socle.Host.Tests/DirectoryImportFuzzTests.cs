using Socle.BuildingBlocks.Fhir.Model;
using Socle.Directory.Contracts;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>
/// Imports of generated extracts (days 0, 1 and 2 in turn, so that known lines and the import state are used) whose lines
/// are broken at random from a fixed seed: bytes replaced, cut, pipes and quotes added or removed, invalid UTF-8, a field
/// of 100,000 characters, a line doubled. Every import ends in a report, never an exception; it is published exactly when
/// its rejections stay within the ratio, a published one changes the directory by what its report says, and a refused one
/// leaves the previous snapshot.
/// </summary>
public abstract class DirectoryImportFuzzTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    private const int Rounds = 16;
    private const double MaxRejectedRatio = 0.01;

    [Fact]
    public async Task Broken_lines_are_rejected_or_refuse_the_import_and_nothing_fails()
    {
        var random = new Random(20261123);
        var client = await SocleTestClient.CreateAsync(factory, DirectoryScopes.Read);
        var published = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var extracts = await DirectoryExtracts.GenerateAsync(factory, 300, day: round % 3);

            // Every other round breaks about one line in 250 (published), the others one in 33 (refused).
            var broken = extracts.Files.Sum(file => Break(file, random, round % 2 == 0 ? 0.004 : 0.03));
            var before = await PractitionerTotalAsync(client);

            var report = await DirectoryExtracts.ImportAsync(factory, [.. extracts.Files]);

            Assert.InRange(report.RejectedTotal, 0, broken);
            Assert.Equal((double)report.RejectedTotal / report.RowsRead <= MaxRejectedRatio, report.Published);
            if (report.Published)
            {
                published++;
                var persons = report.Changes.Single(c => c.Entity == "persons");
                Assert.Equal(before + persons.Added - persons.Removed, await PractitionerTotalAsync(client));
            }
            else
            {
                Assert.Equal(before, await PractitionerTotalAsync(client));
            }
        }

        Assert.InRange(published, 1, Rounds - 1);
    }

    private static async Task<int> PractitionerTotalAsync(SocleTestClient client) =>
        (await client.ReadAsync<Bundle>(await client.Http.GetAsync("/fhir/Practitioner?_total=accurate&_count=0"))).Total!.Value;

    /// <summary>Breaks about <paramref name="rate"/> of the file's data lines in place; returns how many.</summary>
    private static int Break(string file, Random random, double rate)
    {
        var lines = Lines(File.ReadAllBytes(file));
        var broken = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (random.NextDouble() >= rate)
            {
                continue;
            }

            broken++;
            var line = lines[i].ToList();
            var at = random.Next(line.Count);
            switch (random.Next(8))
            {
                case 0:
                    line[at] = (byte)random.Next(256);
                    break;
                case 1:
                    line.RemoveRange(at, Math.Min(line.Count - at, 30));
                    break;
                case 2:
                    line.Insert(at, (byte)'|');
                    break;
                case 3:
                    line.Insert(at, (byte)'"');
                    break;
                case 4:
                    line.InsertRange(at, Enumerable.Repeat((byte)'A', 100_000));
                    break;
                case 5:
                    line.RemoveAll(b => b == (byte)'|');
                    break;
                case 6:
                    line.InsertRange(at, [0xC3, 0x28, 0xFF, 0x00, (byte)'\r']);
                    break;
                default:
                    line.AddRange(lines[i]);
                    break;
            }

            lines[i] = [.. line];
        }

        File.WriteAllBytes(file, [.. lines.SelectMany(l => l.Append((byte)'\n'))]);
        return broken;
    }

    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }
}
