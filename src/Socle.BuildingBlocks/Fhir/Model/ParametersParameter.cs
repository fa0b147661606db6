namespace Socle.BuildingBlocks.Fhir.Model;

/// <summary>One <c>Parameters.parameter</c> with the value[x] types Socle's operations use.</summary>
public sealed class ParametersParameter
{
    public string? Name { get; set; }

    public string? ValueString { get; set; }

    public string? ValueCode { get; set; }

    public bool? ValueBoolean { get; set; }

    public string? ValueDate { get; set; }

    public int? ValueInteger { get; set; }

    public decimal? ValueDecimal { get; set; }

    public string? ValueUri { get; set; }

    public Identifier? ValueIdentifier { get; set; }

    public Reference? ValueReference { get; set; }

    public Coding? ValueCoding { get; set; }

    public FhirResource? Resource { get; set; }

    public List<ParametersParameter>? Part { get; set; }
}
