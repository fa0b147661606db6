namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class HumanName
{
    public List<Extension>? Extension { get; set; }

    public string? Use { get; set; }

    public string? Text { get; set; }

    public string? Family { get; set; }

    public List<string>? Given { get; set; }

    public List<string>? Prefix { get; set; }

    public List<string>? Suffix { get; set; }

    public Period? Period { get; set; }
}
