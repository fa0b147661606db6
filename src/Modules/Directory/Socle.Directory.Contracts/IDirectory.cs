namespace Socle.Directory.Contracts;

/// <summary>
/// Who a professional, a structure or an MSSanté mailbox is, for the other modules. Answers come from the
/// published directory snapshot, cached until the next import.
/// </summary>
public interface IDirectory
{
    /// <summary>A professional by national identifier (IdNat_PS, for example 810003461033) or by RPPS number.</summary>
    Task<Professional?> FindProfessionalAsync(string idNatOrRpps, CancellationToken cancellationToken);

    /// <summary>A structure by FINESS number (site or legal entity).</summary>
    Task<Structure?> FindStructureByFinessAsync(string finess, CancellationToken cancellationToken);

    /// <summary>An MSSanté mailbox by address (case-insensitive).</summary>
    Task<Mailbox?> ResolveMailboxAsync(string address, CancellationToken cancellationToken);
}
