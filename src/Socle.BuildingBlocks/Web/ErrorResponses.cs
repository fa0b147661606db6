using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir;

namespace Socle.BuildingBlocks.Web;

/// <summary>Writes an error in the interface's own format: OperationOutcome under /fhir, problem+json elsewhere.</summary>
public static class ErrorResponses
{
    public static bool IsFhirRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context, DomainError error, string? expression = null)
    {
        var response = context.Response;
        response.StatusCode = error.HttpStatus;
        if (error.Kind == ErrorKind.Unauthorized && !response.Headers.ContainsKey("WWW-Authenticate"))
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        if (IsFhirRequest(context))
        {
            response.ContentType = FhirJson.MediaType + "; charset=utf-8";
            await response.Body.WriteAsync(FhirJson.Serialize(OperationOutcomes.From(error, expression)), context.RequestAborted);
            return;
        }

        response.ContentType = "application/problem+json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("type", $"{OperationOutcomes.ErrorCodeSystem}:{error.Code}");
        writer.WriteString("title", Title(error.Kind));
        writer.WriteNumber("status", error.HttpStatus);
        writer.WriteString("detail", error.Message);
        writer.WriteString("code", error.Code);
        writer.WriteString("traceId", context.TraceIdentifier);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>The error for a bare status code produced by the framework (no route, auth challenge, ...).</summary>
    public static DomainError ForStatus(int status) => status switch
    {
        401 => CommonErrors.Unauthenticated,
        403 => CommonErrors.MissingScope,
        404 => CommonErrors.NotFound,
        405 => new DomainError("SOCLE-0010", ErrorKind.Validation, "This HTTP method is not allowed on this address."),
        413 => CommonErrors.BodyTooLarge,
        415 => CommonErrors.UnsupportedMediaType,
        _ => new DomainError("SOCLE-0011", ErrorKind.Validation, "The request could not be processed."),
    };

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "Invalid request",
        ErrorKind.Unauthorized => "Authentication required",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.PreconditionFailed => "Precondition failed",
        ErrorKind.BusinessRule => "Business rule violated",
        ErrorKind.PayloadTooLarge => "Payload too large",
        ErrorKind.Internal => "Internal error",
        ErrorKind.Unavailable => "Service unavailable",
        _ => "Error",
    };
}
