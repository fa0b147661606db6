namespace Socle.BuildingBlocks.Security;

/// <summary>Who is calling and why: every module reads the caller from here, never from HTTP directly.</summary>
public interface ICallerContext
{
    /// <summary>The registered software client (OAuth client id).</summary>
    string ClientId { get; }

    /// <summary>The FINESS of the organisation the client acts for.</summary>
    string Organisation { get; }

    /// <summary>The person acting, when a person logged in (added by the Connect issue); null for a pure software client.</summary>
    string? PersonId { get; }

    /// <summary>Purpose of use (HL7 PurposeOfUse code); TREAT unless the caller says otherwise.</summary>
    string Purpose { get; }

    string? SourceAddress { get; }

    /// <summary>Another claim of the caller's access token (for example <c>patient_id</c>, <c>profession</c>, <c>auth_mode</c>); null when absent.</summary>
    string? Claim(string type) => null;
}
