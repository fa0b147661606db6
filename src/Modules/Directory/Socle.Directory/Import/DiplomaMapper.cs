using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>PS_LibreAcces_Dipl_AutExerc: diplomas and authorisations to exercise, one line each.</summary>
internal sealed class DiplomaMapper : ExtractMapper
{
    private readonly TableKeys keys = new(DirectoryTable.Diplomas, lineParentFields: []);

    public override IReadOnlyList<TableKeys> Keys => [keys];

    public override string? Map(string[] f, long line, List<StagedRecord> output)
    {
        if (ProfessionalIds.Check(f[0], f[1], f[2]) is { } idError)
        {
            return idError;
        }

        if (f[7].Length == 0 && f[11].Length == 0)
        {
            return "neither a diploma nor an authorisation discipline is given";
        }

        var key = string.Join('|', f[2], f[5], f[7], f[9], f[11]);
        var keyHash = ContentHash.OfKey(key);
        if (Duplicate(keys, keyHash, line) is { } duplicate)
        {
            return duplicate;
        }

        output.Add(StagedRecord.Create(DirectoryTable.Diplomas, key, keyHash,
            [f[2], Value(f[5]), Value(f[6]), Value(f[7]), Value(f[8]), Value(f[9]), Value(f[10]), Value(f[11]), Value(f[12])]));
        return null;
    }
}
