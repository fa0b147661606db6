using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Socle.Connect.Security;

/// <summary>The issuer: the configured one, or <c>{base address of the request}/connect</c>.</summary>
internal sealed class IssuerResolver(IOptions<ConnectOptions> options, IHttpContextAccessor accessor)
{
    public string Current()
    {
        if (!string.IsNullOrEmpty(options.Value.Issuer))
        {
            return options.Value.Issuer.TrimEnd('/');
        }

        var request = accessor.HttpContext?.Request
            ?? throw new InvalidOperationException("No request to derive the issuer from; set Socle:Connect:Issuer.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}/connect";
    }
}
