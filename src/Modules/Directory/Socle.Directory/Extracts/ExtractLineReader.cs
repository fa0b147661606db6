using System.Text;
using System.Text.Unicode;
using Socle.Directory.Import;

namespace Socle.Directory.Extracts;

/// <summary>
/// One line of an extract file: its text, or why it could not be decoded, and the hash of its bytes
/// (<see cref="LineHash"/>); for a known line, its bytes undecoded and the key its version has in the line table.
/// </summary>
internal readonly record struct ExtractLine(long Number, string? Text, string? Error, long Hash = 0, byte[]? Raw = null, long KnownKey = 0);

/// <summary>
/// Reads an extract line by line from a stream, never holding more than one buffer: the files are about 800 MB.
/// The encoding is detected from the first megabyte (the national files have been seen in UTF-8 and in
/// Windows-1252); each line is then decoded strictly, so that one broken line is rejected on its own.
/// </summary>
internal sealed class ExtractLineReader
{
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Why a line whose bytes the strict decoder refuses is rejected.</summary>
    public const string InvalidBytes = "invalid UTF-8 byte sequence";

    private const int BufferSize = 1024 * 1024;

    private static readonly Encoding Windows1252 = CreateWindows1252();
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[BufferSize];
    private int start;
    private int end;
    private bool endOfStream;
    private long lineNumber;

    /// <summary>The seed of this file's line hashes, known once its encoding is.</summary>
    private long lineSeed;

    private ExtractLineReader(Stream stream) => this.stream = stream;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Encoding Encoding { get; private set; } = StrictUtf8;

    /// <summary>Lines the previous import had: they are not decoded (the importer rarely needs their text).</summary>
    public KnownLines Known { get; set; } = KnownLines.None;

    /// <summary>Bytes consumed from the stream so far (for progress).</summary>
    public long BytesRead { get; private set; }

    public static async Task<ExtractLineReader> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new ExtractLineReader(stream);
        await reader.FillAsync(cancellationToken);
        reader.DetectEncoding();
        reader.lineSeed = LineHash.Seed(reader.Encoding.CodePage);
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

        var hash = LineHash.Of(bytes, lineSeed);
        if (Known.TryGet(hash, out var keyHash))
        {
            return new ExtractLine(lineNumber, null, null, hash, bytes.ToArray(), keyHash);
        }

        return TryDecode(bytes, out var text) ? new ExtractLine(lineNumber, text, null, hash) : new ExtractLine(lineNumber, null, InvalidBytes, hash);
    }

    /// <summary>Decodes a line's bytes, strictly: false for a broken byte sequence.</summary>
    public bool TryDecode(ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        try
        {
            // One pass: the strict decoder checks the bytes as it decodes them (a broken line is rare).
            text = Encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
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
