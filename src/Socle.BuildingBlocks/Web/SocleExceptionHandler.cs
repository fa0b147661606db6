using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Socle.BuildingBlocks.Errors;

namespace Socle.BuildingBlocks.Web;

/// <summary>The one exception handler: a closed mapping to 4xx, and an opaque 500 for everything else.</summary>
public sealed partial class SocleExceptionHandler(ILogger<SocleExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>PostgreSQL's SQLSTATE for a character its encoding cannot hold: NUL in a text value.</summary>
    private const string CharacterNotInRepertoire = "22021";

    private static readonly DomainError Unexpected = new("SOCLE-0500", ErrorKind.Internal, "An unexpected error occurred. Quote the trace id to the operator.");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case DomainException domain:
                LogRejected(logger, domain.Error.Code, httpContext.TraceIdentifier);
                await ErrorResponses.WriteAsync(httpContext, domain.Error);
                return true;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ErrorResponses.WriteAsync(httpContext, CommonErrors.BodyTooLarge);
                return true;
            case BadHttpRequestException bad:
                await ErrorResponses.WriteAsync(httpContext, CommonErrors.InvalidParameter.WithMessage(SafeMessage(bad)));
                return true;
            case JsonException:
                await ErrorResponses.WriteAsync(httpContext, CommonErrors.MalformedBody);
                return true;
            case DbException { SqlState: CharacterNotInRepertoire } or DbUpdateException { InnerException: DbException { SqlState: CharacterNotInRepertoire } }:
                // A safety net: text is checked where it enters (CallerText), but a NUL that got past would otherwise be a 500.
                LogRejected(logger, CommonErrors.InvalidParameter.Code, httpContext.TraceIdentifier);
                await ErrorResponses.WriteAsync(httpContext, CommonErrors.InvalidParameter.WithMessage("The request holds a character that cannot be stored (a NUL)."));
                return true;
            case DbUpdateConcurrencyException:
                await ErrorResponses.WriteAsync(httpContext, CommonErrors.ConcurrencyConflict);
                return true;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
            default:
                LogUnexpected(logger, exception, httpContext.TraceIdentifier);
                var opaque = Unexpected.WithMessage($"{Unexpected.Message} Trace id: {httpContext.TraceIdentifier}.");
                await ErrorResponses.WriteAsync(httpContext, opaque);
                return true;
        }
    }

    // Framework binding messages are safe to show (they name the parameter), but JSON ones can leak types.
    private static string SafeMessage(BadHttpRequestException exception) =>
        exception.InnerException is JsonException ? "The request body is not valid JSON." : exception.Message;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Request rejected with {Code} (trace {TraceId})")]
    private static partial void LogRejected(ILogger logger, string code, string traceId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Unexpected error (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string traceId);
}
