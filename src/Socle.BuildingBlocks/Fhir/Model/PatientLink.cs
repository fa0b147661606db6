namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class PatientLink
{
    public Reference? Other { get; set; }

    /// <summary>replaced-by | replaces | refer | seealso.</summary>
    public string? Type { get; set; }
}
