namespace Socle.BuildingBlocks.Outbox;

/// <summary>A module's declaration of one of its events; collected into <see cref="IntegrationEventTypes"/> at start-up.</summary>
public sealed record IntegrationEventRegistration(Type Type, string Name);
