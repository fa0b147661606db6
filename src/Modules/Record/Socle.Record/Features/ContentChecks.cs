using System.Security.Cryptography;
using Socle.Record.Access;
using Socle.Record.Cda;

namespace Socle.Record.Features;

/// <summary>Checks a document's bytes against its metadata: size, SHA-1, and the CDA header (patient, type, author, dates, level).</summary>
internal static class ContentChecks
{
    private const string PdfFormat = "urn:ihe:iti:xds-sd:pdf:2008";
    private const string TextFormat = "urn:ihe:iti:xds-sd:text:2008";

    public static string Verify(byte[] content, DocumentMetadata metadata, string ins, string path, long maxBytes)
    {
        if (content.LongLength > maxBytes)
        {
            throw RecordErrors.DocumentTooLarge.WithMessage($"{path}: the document is {content.LongLength} bytes; the limit is {maxBytes}.").ToException();
        }

        if (metadata.DeclaredSize is not { } size)
        {
            throw RecordErrors.InvalidBundle.WithMessage($"{path}.content[0].attachment.size is required.").ToException();
        }

        if (size != content.LongLength)
        {
            throw RecordErrors.SizeMismatch.WithMessage($"{path}: attachment.size says {size} bytes, the content has {content.LongLength}.").ToException();
        }

        var sha1 = SHA1.HashData(content);
        if (metadata.DeclaredHash is not { } hash)
        {
            throw RecordErrors.InvalidBundle.WithMessage($"{path}.content[0].attachment.hash (SHA-1, base64) is required.").ToException();
        }

        if (!hash.AsSpan().SequenceEqual(sha1))
        {
            throw RecordErrors.HashMismatch.WithMessage($"{path}: attachment.hash is not the SHA-1 of the content.").ToException();
        }

        if (metadata.ContentType is not ("text/xml" or "application/xml" or "application/hl7-v3+xml"))
        {
            throw RecordErrors.InvalidBundle.WithMessage($"{path}: the record holds CDA R2 documents (contentType text/xml), not '{metadata.ContentType}'.").ToException();
        }

        var header = CdaHeaderReader.Read(content);
        Contradiction(!header.PatientIds.Any(id => PatientReference.InsOids.Contains(id.Root) && id.Extension == ins),
            $"{path}: the CDA recordTarget does not carry the patient's INS.");
        Contradiction(header.TypeCode != metadata.TypeCode, $"{path}: the CDA code is '{header.TypeCode}', the metadata type '{metadata.TypeCode}'.");
        Contradiction(metadata.AuthorIdNat is { } author && !header.AuthorIds.Contains(author, StringComparer.Ordinal),
            $"{path}: the CDA authors do not include {metadata.AuthorIdNat}.");
        Contradiction(metadata.Creation is { } creation && header.EffectiveTime is { } effective && Math.Abs((creation - effective).TotalSeconds) >= 1,
            $"{path}: attachment.creation ({metadata.Creation:O}) is not the CDA effectiveTime ({header.EffectiveTime:O}).");
        Contradiction(metadata.ServiceStart is { } start && header.ServiceStart is { } low && Math.Abs((start - low).TotalSeconds) >= 1,
            $"{path}: context.period.start is not the CDA serviceEvent start.");
        Contradiction(metadata.ServiceStop is { } stop && header.ServiceStop is { } high && Math.Abs((stop - high).TotalSeconds) >= 1,
            $"{path}: context.period.end is not the CDA serviceEvent end.");
        if (header.Structured)
        {
            Contradiction(metadata.FormatCode is PdfFormat or TextFormat, $"{path}: a structured (level 3) CDA cannot have the unstructured format {metadata.FormatCode}.");
        }
        else
        {
            var expected = header.BodyMediaType switch
            {
                "application/pdf" => PdfFormat,
                "text/plain" => TextFormat,
                _ => throw RecordErrors.CdaContradicts.WithMessage($"{path}: a level 1 CDA body is application/pdf or text/plain, not '{header.BodyMediaType}'.").ToException(),
            };
            Contradiction(metadata.FormatCode != expected, $"{path}: a level 1 CDA with a {header.BodyMediaType} body has the format {expected}, not {metadata.FormatCode}.");
        }

        return Convert.ToHexStringLower(sha1);
    }

    private static void Contradiction(bool contradicts, string message)
    {
        if (contradicts)
        {
            throw RecordErrors.CdaContradicts.WithMessage(message).ToException();
        }
    }
}
