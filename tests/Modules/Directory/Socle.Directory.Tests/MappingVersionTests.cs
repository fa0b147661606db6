using Socle.Directory.Extracts;
using Socle.Directory.Import;

namespace Socle.Directory.Tests;

/// <summary>
/// An import does not map again the lines the previous import had (decision 0021): that is only right while the
/// mappers make the same records of the same line. This test pins what they make of one line of each file.
/// </summary>
public sealed class MappingVersionTests
{
    private static readonly (ExtractKind Kind, string Line)[] Lines =
    [
        (ExtractKind.PersonActivity, "8|10000000009|810000000009|DR|Docteur|M|Monsieur|PARIS|Mathéo|10|Médecin|C|Civil|S|Spécialité ordinale|SM26|Gynécologie-obstétrique|L|Libéral, indépendant, artisan, commerçant|||||R10000129746|CABINET GUYOT 129746||||156||CHE|Chemin|JEAN JAURÈS|||45000|45234|ORLÉANS|99100|France|0474679636||||45|Loiret||RPPS/RPPS/RPPS|SA07|Cabinet individuel|||FON-10|Titulaire de cabinet|GENR01|Activité standard de soin ou de pharmacien"),
        (ExtractKind.SavoirFaire, "8|10000000009|810000000009|PARIS|Mathéo|10|Médecin|C|Civil|S|Spécialité ordinale|SM26|Gynécologie-obstétrique"),
        (ExtractKind.Diplomas, "8|10000000009|810000000009|PARIS|Mathéo|DE|Diplôme d'Etat français|DE10|DE de Médecin||||"),
        (ExtractKind.Mailboxes, "PER|matheo.paris0@medecin.mssante.fr|8|10000000009|810000000009||||Docteur|PARIS|Mathéo|C|Civil|10|Médecin|SM26|Gynécologie-obstétrique|O|CABINET GUYOT 129746||||156||Chemin|JEAN JAURÈS||45000 ORLÉANS|45000|45|FRANCE"),
    ];

    [Fact]
    public void TheMappersMakeTheRecordsOfMappingVersion1()
    {
        var made = new List<string>();
        foreach (var (kind, line) in Lines)
        {
            var records = new List<StagedRecord>();
            var fields = ExtractFields.Split(line, kind.Columns.Count, out var error);
            Assert.Null(error);
            Assert.Null(ExtractMapper.For(kind).Map(fields!, 2, records));
            made.AddRange(records.Select(r => $"{r.Table.Code}:{r.Key}:{ContentHash.IdOf(r.Hash)}"));
        }

        // When this fails, a mapper changed what it makes of a line: increase LineHash.MappingVersion, so that the next
        // import maps every line again, and pin the new records here.
        Assert.Equal(1, LineHash.MappingVersion);
        Assert.Equal(
        [
            "1:810000000009:b7bf1a46355f3152",
            "2:R10000129746:781cb1869d34fe35",
            "3:810000000009|R10000129746|10|SM26|L|FON-10|GENR01:a4da8b9d67b5797c",
            "4:810000000009|10|S|SM26:95f755a9cb4af76b",
            "5:810000000009|DE|DE10||:55f3b3a251ebd70f",
            "6:matheo.paris0@medecin.mssante.fr:334cd93d48779c36",
        ], made);
    }
}
