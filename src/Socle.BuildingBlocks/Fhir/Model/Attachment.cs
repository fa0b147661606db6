namespace Socle.BuildingBlocks.Fhir.Model;

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? Language { get; set; }

    /// <summary>Base64 content (decoded by System.Text.Json into bytes).</summary>
    public byte[]? Data { get; set; }

    public string? Url { get; set; }

    public long? Size { get; set; }

    /// <summary>SHA-1 of the content (base64 in JSON).</summary>
    public byte[]? Hash { get; set; }

    public string? Title { get; set; }

    public string? Creation { get; set; }
}
