using Socle.Directory.Storage;

namespace Socle.Directory.Features;

/// <summary>A read by id answers the current version, or the last one of a record that left the directory.</summary>
internal static class VersionOrdering
{
    public static IOrderedQueryable<T> LatestFirst<T>(this IQueryable<T> versions)
        where T : DirectoryRecord =>
        versions.OrderBy(x => x.ValidTo == null ? 0 : 1).ThenByDescending(x => x.ValidTo);
}
