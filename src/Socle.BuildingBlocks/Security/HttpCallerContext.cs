using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Errors;

namespace Socle.BuildingBlocks.Security;

/// <summary>The caller of the current HTTP request, read from its validated access token.</summary>
internal sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    private const string PurposeHeader = "X-Purpose-Of-Use";
    private static readonly HashSet<string> KnownPurposes = ["TREAT", "ETREAT", "HPAYMT", "HOPERAT", "PATRQT", "PUBHLTH", "HRESCH", "SYSDEV"];

    private HttpContext Http => accessor.HttpContext ?? throw CommonErrors.Unauthenticated.ToException();

    public string ClientId => Claim(SocleClaims.ClientId) ?? throw CommonErrors.Unauthenticated.ToException();

    public string Organisation => Claim(SocleClaims.Organisation) ?? throw CommonErrors.Unauthenticated.ToException();

    public string? PersonId => Claim(SocleClaims.Person);

    public string Purpose
    {
        get
        {
            var requested = Http.Request.Headers[PurposeHeader].ToString();
            if (string.IsNullOrEmpty(requested))
            {
                return "TREAT";
            }

            return KnownPurposes.Contains(requested)
                ? requested
                : throw CommonErrors.InvalidParameter.WithMessage($"Unknown {PurposeHeader} '{requested}'; use an HL7 PurposeOfUse code such as TREAT.").ToException();
        }
    }

    public string? SourceAddress => Http.Connection.RemoteIpAddress?.ToString();

    public string? Claim(string type) => Http.User.FindFirst(type)?.Value;
}
