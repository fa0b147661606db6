using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>PS_LibreAcces_SavoirFaire: one line per professional, profession and savoir-faire.</summary>
internal sealed class SavoirFaireMapper : ExtractMapper
{
    private readonly TableKeys keys = new(DirectoryTable.Specialties, lineParentFields: []);

    public override IReadOnlyList<TableKeys> Keys => [keys];

    public override string? Map(string[] f, long line, List<StagedRecord> output)
    {
        if (ProfessionalIds.Check(f[0], f[1], f[2]) is { } idError)
        {
            return idError;
        }

        if (!ProfessionCodes.IsKnown(f[5]))
        {
            return $"unknown profession code '{f[5]}' (TRE_G15)";
        }

        if (f[11].Length == 0)
        {
            return "the savoir-faire code is empty";
        }

        var key = string.Join('|', f[2], f[5], f[9], f[11]);
        var keyHash = ContentHash.OfKey(key);
        if (Duplicate(keys, keyHash, line) is { } duplicate)
        {
            return duplicate;
        }

        output.Add(StagedRecord.Create(DirectoryTable.Specialties, key, keyHash, [f[2], f[5], Value(f[9]), Value(f[10]), f[11], Value(f[12])]));
        return null;
    }
}
