using Npgsql;
using NpgsqlTypes;

namespace Socle.Directory.Import;

internal static class BinaryCopyColumns
{
    /// <summary>
    /// Writes <paramref name="count"/> text columns of the current row: the record's values, a NULL for an empty one and
    /// for every column past its last value. Synchronous: it only copies into Npgsql's buffer, which is flushed when full.
    /// </summary>
    public static void WriteTextColumns(this NpgsqlBinaryImporter importer, string?[] values, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i < values.Length && values[i] is { } value)
            {
                importer.Write(value, NpgsqlDbType.Text);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }
}
