namespace Socle.BuildingBlocks.Security;

/// <summary>A scope a module offers, declared at registration so that clients can only be given real scopes.</summary>
public sealed record ScopeDefinition(string Name, string Description);

public sealed class ScopeCatalog(IEnumerable<ScopeDefinition> definitions)
{
    public IReadOnlyList<ScopeDefinition> All { get; } = definitions.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    public bool IsKnown(string scope) => All.Any(d => d.Name == scope);
}
