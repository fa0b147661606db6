using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>Extraction_Correspondance_MSSante: one line per mailbox; the address is the key.</summary>
internal sealed class MailboxMapper : ExtractMapper
{
    private static readonly string[] Types = ["PER", "ORG", "APP", "CAB"];

    private readonly TableKeys keys = new(DirectoryTable.Mailboxes, lineParentFields: []);

    public override IReadOnlyList<TableKeys> Keys => [keys];

    public override string? Map(string[] f, long line, List<StagedRecord> output)
    {
        var (type, address) = (f[0], f[1]);
        if (!Types.Contains(type, StringComparer.Ordinal))
        {
            return $"unknown mailbox type '{type}' (PER, ORG, APP, CAB)";
        }

        if (!MailboxAddress.IsValid(address))
        {
            return $"'{address}' is not a mailbox address";
        }

        if (f[4].Length > 0 && ProfessionalIds.Check(f[2], f[3], f[4]) is { } idError)
        {
            return idError;
        }

        if (type == "PER" && f[4].Length == 0)
        {
            return "a personal (PER) mailbox needs the professional's national identifier";
        }

        if (f[13].Length > 0 && !ProfessionCodes.IsKnown(f[13]))
        {
            return $"unknown profession code '{f[13]}' (TRE_G15)";
        }

        var key = MailboxAddress.Key(address);
        var keyHash = ContentHash.OfKey(key);
        if (Duplicate(keys, keyHash, line) is { } duplicate)
        {
            return duplicate;
        }

        output.Add(StagedRecord.Create(DirectoryTable.Mailboxes, key, keyHash,
        [
            address, type, Value(f[4]), Value(f[5]), Value(f[6]), Value(f[7]), Value(f[17]), "0", Value(f[8]), Value(f[9]),
            Value(f[10]), Value(f[13]), Value(f[15]), Value(f[18].Length > 0 ? f[18] : f[19]),
        ]));
        return null;
    }
}
