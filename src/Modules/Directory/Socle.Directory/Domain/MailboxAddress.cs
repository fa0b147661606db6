namespace Socle.Directory.Domain;

/// <summary>An MSSanté mailbox address: one local part, one domain, no spaces; compared without case.</summary>
internal static class MailboxAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return address.Length <= MaxLength && at > 0 && at == address.LastIndexOf('@') && at < address.Length - 3
            && address.IndexOf('.', at) > at + 1 && !address.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '|' or '"');
    }

    public static string Key(string address) => address.ToLowerInvariant();
}
