using System.ComponentModel.DataAnnotations;

namespace Socle.Host.Composition;

public sealed class HttpOptions
{
    public const string SectionName = "Socle:Http";

    /// <summary>The largest request body accepted (1 MiB by default); larger bodies get a 413.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
