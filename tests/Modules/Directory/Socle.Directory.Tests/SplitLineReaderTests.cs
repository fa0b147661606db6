using System.Text;
using Socle.Directory.Extracts;
using Socle.Directory.Import;

namespace Socle.Directory.Tests;

public sealed class SplitLineReaderTests
{
    [Fact]
    public async Task LinesComeInFileOrder_AcrossBatches_WithTheirNumbersAndErrors_AndEmptyLinesSkipped()
    {
        var count = (SplitLineReader.BatchSize * 2) + 7;
        var text = new StringBuilder("a|b|c\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 100 ? "only|two\n" : i == 200 ? "\n" : $"{i}|x|y\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var stream = new MemoryStream(bytes);
        var reader = await ExtractLineReader.OpenAsync(stream, CancellationToken.None);
        await reader.ReadLineAsync(CancellationToken.None);

        var lines = new List<SplitLine>();
        long bytesRead = 0;
        await using (var split = SplitLineReader.Start(reader, 3, KnownLines.None, CancellationToken.None))
        {
            await foreach (var batch in split.ReadAllAsync(CancellationToken.None))
            {
                Assert.True(batch.BytesRead >= bytesRead);
                bytesRead = batch.BytesRead;
                lines.AddRange(batch.Lines);
            }
        }

        Assert.Equal(bytes.Length, bytesRead);
        Assert.Equal(count - 1, lines.Count);
        Assert.Equal(Enumerable.Range(2, count).Where(n => n != 202).Select(n => (long)n), lines.Select(l => l.Number));
        Assert.Equal("expected 3 columns, found 2", lines[100].Error);
        Assert.Null(lines[100].Fields);
        Assert.Equal(["0", "x", "y"], lines[0].Fields!);
        Assert.Equal($"{count - 1}", lines[^1].Fields![0]);
    }

    [Fact]
    public async Task KnownLinesAreLeftUnsplit_WithTheKeysOfTheirRecords()
    {
        var bytes = Encoding.UTF8.GetBytes("a|b|c\r\n1|x|y\r\n2|x|y\r\n3|x|y\r\n");
        var seed = LineHash.Seed(Encoding.UTF8.CodePage);
        var knownLines = new SplitMap<long>();
        knownLines.Set(LineHash.Of("2|x|y"u8, seed), 42);
        var known = new KnownLines(knownLines);
        using var stream = new MemoryStream(bytes);
        var reader = await ExtractLineReader.OpenAsync(stream, CancellationToken.None);
        await reader.ReadLineAsync(CancellationToken.None);

        var lines = new List<SplitLine>();
        await using (var split = SplitLineReader.Start(reader, 3, known, CancellationToken.None))
        {
            await foreach (var batch in split.ReadAllAsync(CancellationToken.None))
            {
                lines.AddRange(batch.Lines);
            }
        }

        // The line break is not part of a line's bytes: the same file with CRLF or LF line ends has the same lines.
        Assert.Equal([LineHash.Of("1|x|y"u8, seed), LineHash.Of("2|x|y"u8, seed), LineHash.Of("3|x|y"u8, seed)], lines.Select(l => l.Hash));
        Assert.Equal(["1", "x", "y"], lines[0].Fields!);
        Assert.Null(lines[0].Unsplit);
        Assert.Null(lines[1].Fields);
        Assert.Equal("2|x|y"u8.ToArray(), lines[1].Unsplit);
        Assert.Equal(42, lines[1].KnownKey);
        Assert.Equal(["3", "x", "y"], lines[2].Fields!);
    }

    [Fact]
    public void TheSameBytesInAnotherEncoding_AreAnotherLine()
    {
        var utf8 = LineHash.Of("AUBERT|ÉLODIE"u8, LineHash.Seed(65001));
        Assert.NotEqual(utf8, LineHash.Of("AUBERT|ÉLODIE"u8, LineHash.Seed(1252)));
        Assert.Equal(utf8, LineHash.Of("AUBERT|ÉLODIE"u8, LineHash.Seed(65001)));
        Assert.NotEqual(utf8, LineHash.Of("AUBERT|ELODIE"u8, LineHash.Seed(65001)));
    }

    [Fact]
    public async Task LeavingBeforeTheEnd_StopsTheReadingThread()
    {
        // Several times the line reader's 1 MiB buffer (6 MB), and far more than the batches allowed to wait.
        var lines = Math.Max(100_000, SplitLineReader.BatchSize * 100);
        var bytes = Encoding.UTF8.GetBytes("a|b\n" + string.Concat(Enumerable.Repeat($"x|{new string('y', 60)}\n", lines)));
        using var stream = new MemoryStream(bytes);
        var reader = await ExtractLineReader.OpenAsync(stream, CancellationToken.None);
        await reader.ReadLineAsync(CancellationToken.None);

        var split = SplitLineReader.Start(reader, 2, KnownLines.None, CancellationToken.None);
        await using (var batches = split.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await batches.MoveNextAsync());
        }

        await split.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(reader.BytesRead < bytes.Length, "the reading thread went on to the end of the file");
    }
}
