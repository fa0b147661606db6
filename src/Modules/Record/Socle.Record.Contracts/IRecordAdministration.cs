namespace Socle.Record.Contracts;

/// <summary>Operator actions on records that no patient or professional can do through the API.</summary>
public interface IRecordAdministration
{
    /// <summary>
    /// Declares the holder of <paramref name="representativeIns"/> a legal representative of the minor whose INS is
    /// <paramref name="minorIns"/> (both qualified). Opens the minor's record if needed.
    /// </summary>
    Task DeclareRepresentativeAsync(string minorIns, string representativeIns, CancellationToken cancellationToken);
}
