namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Meta
{
    public string? VersionId { get; set; }

    public string? LastUpdated { get; set; }

    public List<string>? Profile { get; set; }

    public List<Coding>? Security { get; set; }

    public List<Coding>? Tag { get; set; }
}
