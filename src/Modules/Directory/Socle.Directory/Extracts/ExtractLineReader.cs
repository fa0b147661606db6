using System.Text;
using System.Text.Unicode;

namespace Socle.Directory.Extracts;

/// <summary>One line of an extract file: its text, or why it could not be decoded.</summary>
internal readonly record struct ExtractLine(long Number, string? Text, string? Error);

/// <summary>
/// Reads an extract line by line from a stream, never holding more than one buffer: the files are about 800 MB.
/// The encoding is detected from the first megabyte (the national files have been seen in UTF-8 and in
/// Windows-1252); each line is then decoded strictly, so that one broken line is rejected on its own.
/// </summary>
internal sealed class ExtractLineReader
{
    public const int MaxLineBytes = 64 * 1024;
    private const int BufferSize = 1024 * 1024;

    private static readonly Encoding Windows1252 = CreateWindows1252();
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[BufferSize];
    private int start;
    private int end;
    private bool endOfStream;
    private long lineNumber;

    private ExtractLineReader(Stream stream) => this.stream = stream;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Encoding Encoding { get; private set; } = StrictUtf8;

    /// <summary>Bytes consumed from the stream so far (for progress).</summary>
    public long BytesRead { get; private set; }

    public static async Task<ExtractLineReader> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new ExtractLineReader(stream);
        await reader.FillAsync(cancellationToken);
        reader.DetectEncoding();
        return reader;
    }

    public async ValueTask<ExtractLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline > MaxLineBytes)
            {
                start += newline + 1;
                return new ExtractLine(++lineNumber, null, $"line longer than {MaxLineBytes} bytes");
            }

            if (newline >= 0)
            {
                var line = Decode(buffer.AsSpan(start, newline));
                start += newline + 1;
                return line;
            }

            if (end - start >= MaxLineBytes)
            {
                await SkipToNextLineAsync(cancellationToken);
                return new ExtractLine(++lineNumber, null, $"line longer than {MaxLineBytes} bytes");
            }

            if (endOfStream)
            {
                if (start == end)
                {
                    return null;
                }

                var last = Decode(buffer.AsSpan(start, end - start));
                start = end;
                return last;
            }

            await FillAsync(cancellationToken);
        }
    }

    private ExtractLine Decode(ReadOnlySpan<byte> bytes)
    {
        lineNumber++;
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        try
        {
            // One pass: the strict decoder checks the bytes as it decodes them (a broken line is rare).
            return new ExtractLine(lineNumber, Encoding.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new ExtractLine(lineNumber, null, "invalid UTF-8 byte sequence");
        }
    }

    private async Task SkipToNextLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                return;
            }

            start = end;
            if (endOfStream)
            {
                return;
            }

            await FillAsync(cancellationToken);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        while (end < buffer.Length && !endOfStream)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                endOfStream = true;
            }

            end += read;
            BytesRead += read;
        }
    }

    private void DetectEncoding()
    {
        var head = buffer.AsSpan(0, end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = 3;
            Encoding = StrictUtf8;
            return;
        }

        // Judge complete lines only (the buffer may end inside a character), and by majority: one broken line in a
        // UTF-8 file must not turn the whole file into Windows-1252, where every accented line would be invalid UTF-8.
        var lastNewline = head.LastIndexOf((byte)'\n');
        var sample = endOfStream || lastNewline < 0 ? head : head[..lastNewline];
        var validNonAscii = 0;
        var invalid = 0;
        foreach (var range in sample.Split((byte)'\n'))
        {
            var line = sample[range];
            if (!Utf8.IsValid(line))
            {
                invalid++;
            }
            else if (line.ContainsAnyExceptInRange((byte)0, (byte)127))
            {
                validNonAscii++;
            }
        }

        Encoding = invalid > validNonAscii ? Windows1252 : StrictUtf8;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
