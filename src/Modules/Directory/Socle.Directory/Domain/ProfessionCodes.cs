using System.Collections.Frozen;
using Socle.BuildingBlocks.Data;

namespace Socle.Directory.Domain;

/// <summary>The profession codes (TRE_G15) the directory accepts; an unknown code rejects the line.</summary>
internal static class ProfessionCodes
{
    public const string System = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";

    private static readonly FrozenDictionary<string, string> Labels = Load();

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    public static string? Label(string code) => Labels.GetValueOrDefault(code);

    private static FrozenDictionary<string, string> Load() =>
        EmbeddedData.DataLines(typeof(ProfessionCodes).Assembly, "Socle.Directory.Domain.Data.TRE_G15-ProfessionSante.txt")
            .Select(line => line.Split('|', 2))
            .ToFrozenDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
