namespace Socle.Record.Contracts;

public static class RecordScopes
{
    /// <summary>Find and read documents and traces of the shared medical record (under the access rules).</summary>
    public const string Read = "record.read";

    /// <summary>Deposit, replace, delete and re-classify documents, manage authorisations and break-the-glass.</summary>
    public const string Write = "record.write";
}
