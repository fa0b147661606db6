namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class ContactPoint
{
    public List<Extension>? Extension { get; set; }

    public string? System { get; set; }

    public string? Value { get; set; }

    public string? Use { get; set; }

    public int? Rank { get; set; }

    public Period? Period { get; set; }
}
