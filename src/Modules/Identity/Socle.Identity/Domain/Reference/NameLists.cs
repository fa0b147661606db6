using System.Reflection;

namespace Socle.Identity.Domain.Reference;

/// <summary>The embedded lists the synthetic population is drawn from.</summary>
internal sealed class NameLists
{
    private static readonly Lazy<NameLists> Instance = new(Load);

    private NameLists(IReadOnlyList<string> families, IReadOnlyList<string> female, IReadOnlyList<string> male, IReadOnlyList<(string Code, string Name, int Weight)> places)
    {
        FamilyNames = families;
        FemaleGivenNames = female;
        MaleGivenNames = male;
        Places = places;
    }

    public static NameLists Default => Instance.Value;

    /// <summary>Family names; a few are compound on purpose (LE GALL, D'ALMEIDA, SAINT-MARTIN).</summary>
    public IReadOnlyList<string> FamilyNames { get; }

    public IReadOnlyList<string> FemaleGivenNames { get; }

    public IReadOnlyList<string> MaleGivenNames { get; }

    public IReadOnlyList<(string Code, string Name, int Weight)> Places { get; }

    private static NameLists Load()
    {
        var families = SplitNames(Read("family-names.txt"));
        var female = Read("given-names-female.txt").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var male = Read("given-names-male.txt").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var places = Read("places.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('|'))
            .Select(p => (p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new NameLists(families, female, male, places);
    }

    // Family names are space-separated, but "LE GALL", "DA SILVA" and "DE LA FONTAINE" are one name each.
    private static List<string> SplitNames(string text)
    {
        var tokens = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var name = tokens[i];
            while (name is "LE" or "DA" or "DE" or "LA" or "DE LA" && i + 1 < tokens.Length)
            {
                name += " " + tokens[++i];
            }

            names.Add(name);
        }

        return names.Distinct().ToList();
    }

    private static string Read(string file)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
