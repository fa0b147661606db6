using System.Collections.Frozen;

namespace Socle.Directory.Domain;

/// <summary>The profession codes (TRE_G15) the directory accepts; an unknown code rejects the line.</summary>
internal static class ProfessionCodes
{
    public const string System = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";

    private static readonly FrozenDictionary<string, string> Labels = Load();

    public static bool IsKnown(string code) => Labels.ContainsKey(code);

    public static string? Label(string code) => Labels.GetValueOrDefault(code);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(ProfessionCodes).Assembly.GetManifestResourceStream("Socle.Directory.Domain.Data.TRE_G15-ProfessionSante.txt")
            ?? throw new InvalidOperationException("The TRE_G15 table is not embedded.");
        using var reader = new StreamReader(stream);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            labels[line[..bar]] = line[(bar + 1)..];
        }

        return labels.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
