namespace Socle.Identity.Contracts;

public static class IdentityScopes
{
    /// <summary>The two INSi operations ($ins-retrieve, $ins-verify).</summary>
    public const string Ins = "identity.ins";

    /// <summary>Read and search the organisation's identity repository, PIXm.</summary>
    public const string Read = "identity.read";

    /// <summary>Create, update, qualify and merge identities of the organisation's repository.</summary>
    public const string Write = "identity.write";
}
