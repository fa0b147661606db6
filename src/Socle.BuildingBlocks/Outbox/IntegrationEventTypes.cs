namespace Socle.BuildingBlocks.Outbox;

/// <summary>The stable names under which event types are stored, so that renaming a class never strands a message.</summary>
public sealed class IntegrationEventTypes
{
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> byType = [];

    public IntegrationEventTypes(IEnumerable<IntegrationEventRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            Register(registration.Type, registration.Name);
        }
    }

    public void Register(Type type, string name)
    {
        byName[name] = type;
        byType[type] = name;
    }

    public string NameOf(Type type) =>
        byType.TryGetValue(type, out var name) ? name : throw new InvalidOperationException($"Integration event {type.Name} is not registered.");

    public Type? TypeOf(string name) => byName.GetValueOrDefault(name);
}
