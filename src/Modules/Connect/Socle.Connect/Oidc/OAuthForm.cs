using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Socle.BuildingBlocks.Web;

namespace Socle.Connect.Oidc;

/// <summary>
/// Reads the form body of an OAuth endpoint. The framework's form reader refuses a form over its limits (a key over
/// 2 KiB, a value over 4 MiB, more than 1,024 fields) or one it cannot decode with an <see cref="InvalidDataException"/>:
/// that is the client's malformed request, which the endpoint answers in its own format, not an error of the server. So
/// is a control character in a field (<see cref="CallerText"/>).
/// </summary>
internal static class OAuthForm
{
    /// <summary>The form, or why it is refused (the reader's message names the limit, nothing of the server).</summary>
    public static async Task<(IFormCollection? Form, string? Refusal)> ReadAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"The form body is malformed: {ex.Message}");
        }

        return Refusal(form) is { } refusal ? (null, refusal) : (form, null);
    }

    /// <summary>Why these fields are refused: a control character, which no OAuth parameter has.</summary>
    public static string? Refusal(IEnumerable<KeyValuePair<string, StringValues>> fields) =>
        fields.FirstOrDefault(f => CallerText.HasControlCharacter(f.Key) || f.Value.Any(v => CallerText.HasControlCharacter(v))) is { Key: { } name }
            ? $"The parameter '{(CallerText.HasControlCharacter(name) ? "?" : name)}' holds a control character."
            : null;
}
