namespace Socle.Audit.Contracts;

/// <param name="Intact">True when every entry links to its predecessor and matches its hash.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBrokenSequence">The sequence number of the first entry that does not verify.</param>
/// <param name="Reason">Why that entry does not verify.</param>
/// <param name="HeadHash">The hash of the last entry: publish it elsewhere to detect truncation of the tail.</param>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Reason, string HeadHash);
