using Microsoft.AspNetCore.Http;

namespace Socle.Connect.Oidc;

/// <summary>
/// Reads the form body of an OAuth endpoint. The framework's form reader refuses a form over its limits (a key over
/// 2 KiB, a value over 4 MiB, more than 1,024 fields) or one it cannot decode with an <see cref="InvalidDataException"/>:
/// that is the client's malformed request, which the endpoint answers in its own format, not an error of the server.
/// </summary>
internal static class OAuthForm
{
    /// <summary>The form, or why it is refused (the reader's message names the limit, nothing of the server).</summary>
    public static async Task<(IFormCollection? Form, string? Refusal)> ReadAsync(HttpRequest request)
    {
        try
        {
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"The form body is malformed: {ex.Message}");
        }
    }
}
