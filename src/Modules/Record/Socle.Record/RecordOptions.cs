using System.ComponentModel.DataAnnotations;

namespace Socle.Record;

internal sealed class RecordOptions
{
    public const string SectionName = "Socle:Record";

    /// <summary>The largest document accepted (the decoded bytes, not the base64 of the bundle); 20 MiB by default.</summary>
    [Range(1024, 1L << 31)]
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How long a break-the-glass access lasts.</summary>
    [Range(1, 7 * 24 * 60)]
    public int BreakTheGlassMinutes { get; set; } = 240;

    /// <summary>How long a closed record stays (and can be reopened) before its data may be destroyed.</summary>
    [Range(1, 100 * 366)]
    public int RetentionDays { get; set; } = 10 * 365;

    /// <summary>A file that replaces the default access matrix (same format as Domain/Data/access-matrix.txt).</summary>
    public string? AccessMatrixFile { get; set; }
}
