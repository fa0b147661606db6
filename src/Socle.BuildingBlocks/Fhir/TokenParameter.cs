namespace Socle.BuildingBlocks.Fhir;

/// <summary>A FHIR token search value, <c>[system|]value</c>.</summary>
public readonly record struct TokenParameter(string? System, string Value)
{
    /// <summary>Splits at the first '|'; without one, the system is unknown (null). An empty system ("|value") stays empty.</summary>
    public static TokenParameter Parse(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? new TokenParameter(null, text) : new TokenParameter(text[..bar], text[(bar + 1)..]);
    }
}
