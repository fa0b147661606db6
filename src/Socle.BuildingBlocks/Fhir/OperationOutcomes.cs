using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

public static class OperationOutcomes
{
    /// <summary>The coding system of Socle's stable error codes.</summary>
    public const string ErrorCodeSystem = "urn:socle:error-code";

    public static OperationOutcome From(DomainError error, string? expression = null) => new()
    {
        Issue = [Issue("error", error, expression)],
    };

    public static OperationOutcomeIssue Issue(string severity, DomainError error, string? expression = null) => new()
    {
        Severity = severity,
        Code = IssueType(error.Kind),
        Details = new CodeableConcept
        {
            Coding = [new Coding { System = ErrorCodeSystem, Code = error.Code }],
            Text = error.Message,
        },
        Diagnostics = error.Message,
        Expression = expression is null ? null : [expression],
    };

    public static OperationOutcome Information(string message) => new()
    {
        Issue = [new OperationOutcomeIssue { Severity = "information", Code = "informational", Diagnostics = message }],
    };

    private static string IssueType(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "invalid",
        ErrorKind.Unauthorized => "login",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.NotFound => "not-found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.PreconditionFailed => "conflict",
        ErrorKind.BusinessRule => "business-rule",
        ErrorKind.PayloadTooLarge => "too-long",
        ErrorKind.Internal => "exception",
        ErrorKind.Unavailable => "transient",
        _ => "exception",
    };
}
