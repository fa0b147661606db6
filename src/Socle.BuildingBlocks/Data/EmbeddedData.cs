using System.Reflection;

namespace Socle.BuildingBlocks.Data;

/// <summary>Reads the reference tables modules ship as embedded text files.</summary>
public static class EmbeddedData
{
    /// <summary>The lines of an embedded resource, without blank lines and '#' comments.</summary>
    public static IReadOnlyList<string> DataLines(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{resourceName} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
