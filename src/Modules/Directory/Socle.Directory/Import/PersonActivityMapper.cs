using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Import;

/// <summary>
/// PS_LibreAcces_Personne_activite: one line per professional and activity. Persons and structures repeat on many
/// lines; the first line of each gives its record.
/// </summary>
internal sealed class PersonActivityMapper : ExtractMapper
{
    private readonly TableKeys persons = new(DirectoryTable.Persons);
    private readonly TableKeys structures = new(DirectoryTable.Structures);
    private readonly TableKeys activities = new(DirectoryTable.Activities, lineParentFields: ["IdNat", "StructureKey"]);

    public override IReadOnlyList<TableKeys> Keys => [persons, structures, activities];

    public override string? Map(string[] f, long line, List<StagedRecord> output)
    {
        var (type, number, idNat) = (f[0], f[1], f[2]);
        if (ProfessionalIds.Check(type, number, idNat) is { } idError)
        {
            return idError;
        }

        var profession = f[9];
        if (!ProfessionCodes.IsKnown(profession))
        {
            return $"unknown profession code '{profession}' (TRE_G15)";
        }

        var (siret, siren, finessSite, finessLegal, technicalId) = (f[19], f[20], f[21], f[22], f[23]);
        if (technicalId.Length > 0 && StructureIds.Check(technicalId, finessSite, finessLegal, siret, siren) is { } structureError)
        {
            return structureError;
        }

        var activityKey = string.Join('|', idNat, technicalId, profession, f[15], f[17], f[52], f[54]);
        var activityHash = ContentHash.OfKey(activityKey);
        if (Duplicate(activities, activityHash, line) is { } duplicate)
        {
            return duplicate;
        }

        var personHash = ContentHash.OfKey(idNat);
        if (FirstTime(persons, personHash, line))
        {
            output.Add(StagedRecord.Create(DirectoryTable.Persons, idNat, personHash,
                [type, number, Value(f[3]), Value(f[4]), Value(f[5]), Value(f[6]), Value(f[7]), Value(f[8]), SearchText.Key(f[7]), SearchText.Key(f[8])]));
        }

        var structureHash = technicalId.Length > 0 ? ContentHash.OfKey(technicalId) : 0;
        if (technicalId.Length > 0 && FirstTime(structures, structureHash, line))
        {
            output.Add(StagedRecord.Create(DirectoryTable.Structures, technicalId, structureHash,
            [
                StructureIds.IdNat(technicalId, finessSite, siret), Value(siret), Value(siren), Value(finessSite), Value(finessLegal),
                Value(f[24]), Value(f[25]), Value(f[26]), Value(f[27]), Value(f[28]), Value(f[29]), Value(f[30]), Value(f[31]),
                Value(f[32]), Value(f[33]), Value(f[34]), Value(f[35]), Value(f[36]), Value(f[37]), Value(f[38]), Value(f[39]),
                Value(f[40]), Value(f[41]), Value(f[42]), Value(f[43]), Value(f[44]), Value(f[45]), Value(f[46]), Value(f[47]),
                SearchText.Key(f[24].Length > 0 ? f[24] : f[25]), SearchText.Key(f[37]),
            ]));
        }

        output.Add(StagedRecord.Create(DirectoryTable.Activities, activityKey, activityHash,
        [
            ContentHash.IdOf(activityHash), idNat, Value(technicalId), profession, Value(f[10]), Value(f[11]), Value(f[12]),
            Value(f[13]), Value(f[14]), Value(f[15]), Value(f[16]), Value(f[17]), Value(f[18]), Value(f[48]), Value(f[49]),
            Value(f[50]), Value(f[51]), Value(f[52]), Value(f[53]), Value(f[54]), Value(f[55]),
        ]));
        return null;
    }
}
