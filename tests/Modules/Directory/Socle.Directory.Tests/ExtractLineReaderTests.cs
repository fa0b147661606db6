using System.Text;
using Socle.Directory.Extracts;

namespace Socle.Directory.Tests;

public sealed class ExtractLineReaderTests
{
    static ExtractLineReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Utf8_IsDetected_AndTheBomAndCarriageReturnsAreDropped()
    {
        var lines = await ReadAllAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Libellé|x\r\nHélène|y\r\n")]);
        Assert.Equal(["Libellé|x", "Hélène|y"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2L], lines.Select(l => l.Number));
    }

    [Fact]
    public async Task Windows1252_IsDetected_AndDecodedWithItsAccentsAndEuroSign()
    {
        var lines = await ReadAllAsync(Encoding.GetEncoding(1252).GetBytes("Libellé|Prénom\nFrançoise|€\n"));
        Assert.Equal(["Libellé|Prénom", "Françoise|€"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task OneBrokenLineInAUtf8File_IsRejectedAlone()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Libellé|x\nHélène|y\n"), 0x41, 0xC3, 0x28, 0x0A, .. Encoding.UTF8.GetBytes("Zoé|z")];
        var lines = await ReadAllAsync(bytes);
        Assert.Equal("Hélène|y", lines[1].Text);
        Assert.Equal("invalid UTF-8 byte sequence", lines[2].Error);
        Assert.Equal("Zoé|z", lines[3].Text);
    }

    [Fact]
    public async Task AnOverlongLine_IsRejected_AndReadingGoesOn()
    {
        var bytes = Encoding.UTF8.GetBytes("head\n" + new string('x', ExtractLineReader.MaxLineBytes + 10) + "\nnext\n");
        var lines = await ReadAllAsync(bytes);
        Assert.Equal(3, lines.Count);
        Assert.Contains("longer than", lines[1].Error, StringComparison.Ordinal);
        Assert.Equal(("next", 3L), (lines[2].Text, lines[2].Number));
    }

    private static async Task<List<ExtractLine>> ReadAllAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var reader = await ExtractLineReader.OpenAsync(stream, CancellationToken.None);
        var lines = new List<ExtractLine>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
