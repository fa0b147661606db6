using System.Globalization;

namespace Socle.Directory.Sandbox;

/// <summary>A sandbox place: postal code, INSEE commune code, commune and department.</summary>
internal sealed record SandboxPlace(string PostalCode, string CommuneCode, string City, string DepartmentCode, string Department);

/// <summary>The embedded name and place lists of the sandbox directory.</summary>
internal static class SandboxNames
{
    public static readonly string[] Families;
    public static readonly string[] FemaleGiven;
    public static readonly string[] MaleGiven;
    public static readonly SandboxPlace[] Places;
    public static readonly string[] Streets = ["DE LA RÉPUBLIQUE", "VICTOR HUGO", "JEAN JAURÈS", "PASTEUR", "DES LILAS", "DU GÉNÉRAL DE GAULLE", "GAMBETTA", "DE LA GARE", "SAINT-MICHEL", "DES ÉCOLES"];
    public static readonly (string Code, string Label)[] StreetTypes = [("R", "Rue"), ("AV", "Avenue"), ("BD", "Boulevard"), ("PL", "Place"), ("CHE", "Chemin")];

    static SandboxNames()
    {
        var lines = Read("names.txt");
        var blank = Array.IndexOf(lines, string.Empty);
        Families = lines[..blank];
        var given = lines[(blank + 1)..].Select(l => l.Split('|')).ToArray();
        FemaleGiven = given.Where(g => g[0] == "F").Select(g => g[1]).ToArray();
        MaleGiven = given.Where(g => g[0] == "M").Select(g => g[1]).ToArray();
        Places = Read("cities.txt").Select(l => l.Split('|')).Select(p => new SandboxPlace(p[0], p[1], p[2], p[3], p[4])).ToArray();
    }

    /// <summary>The mailbox form of a name: lower case ASCII, letters and hyphens.</summary>
    public static string Slug(string name)
    {
        var key = Domain.SearchText.Key(name) ?? "x";
        return key.ToLower(CultureInfo.InvariantCulture).Replace(' ', '-');
    }

    private static string[] Read(string name)
    {
        using var stream = typeof(SandboxNames).Assembly.GetManifestResourceStream($"Socle.Directory.Domain.Data.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith('#')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.ToArray();
    }
}
