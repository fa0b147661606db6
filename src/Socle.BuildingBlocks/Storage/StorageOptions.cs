using System.ComponentModel.DataAnnotations;

namespace Socle.BuildingBlocks.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Socle:Storage";
    public const string ConnectionStringName = "Socle";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Socle:Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the SQLite file and document bytes live; ./data by default.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public bool IsPostgres => Provider == "Postgres";
}
