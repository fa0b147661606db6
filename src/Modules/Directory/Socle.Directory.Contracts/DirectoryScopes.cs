namespace Socle.Directory.Contracts;

public static class DirectoryScopes
{
    /// <summary>Read and search the directory of professionals, structures and MSSanté mailboxes.</summary>
    public const string Read = "directory.read";
}
