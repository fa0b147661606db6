namespace Socle.BuildingBlocks.Security;

/// <summary>Names of the claims Socle's access tokens carry (see docs/decisions/0004-access-token-format.md).</summary>
public static class SocleClaims
{
    public const string ClientId = "client_id";
    public const string Organisation = "organisation";
    public const string Scope = "scope";
    public const string Subject = "sub";
    public const string Person = "person";

    /// <summary>The patient's identity (Identity module id) when the person who logged in is a patient.</summary>
    public const string PatientId = "patient_id";
}
