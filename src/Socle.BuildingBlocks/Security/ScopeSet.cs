namespace Socle.BuildingBlocks.Security;

public static class ScopeSet
{
    public static IReadOnlySet<string> Parse(string? scopes) =>
        (scopes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
