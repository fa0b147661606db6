using System.Text;
using Socle.Directory.Extracts;

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
        await using (var split = SplitLineReader.Start(reader, 3, CancellationToken.None))
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
    public async Task LeavingBeforeTheEnd_StopsTheReadingThread()
    {
        // Several times the line reader's 1 MiB buffer, and far more than the batches allowed to wait.
        var bytes = Encoding.UTF8.GetBytes("a|b\n" + string.Concat(Enumerable.Repeat($"x|{new string('y', 60)}\n", SplitLineReader.BatchSize * 100)));
        using var stream = new MemoryStream(bytes);
        var reader = await ExtractLineReader.OpenAsync(stream, CancellationToken.None);
        await reader.ReadLineAsync(CancellationToken.None);

        var split = SplitLineReader.Start(reader, 2, CancellationToken.None);
        await using (var batches = split.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await batches.MoveNextAsync());
        }

        await split.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(reader.BytesRead < bytes.Length, "the reading thread went on to the end of the file");
    }
}
