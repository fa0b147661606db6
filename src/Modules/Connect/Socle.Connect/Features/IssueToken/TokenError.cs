namespace Socle.Connect.Features.IssueToken;

/// <summary>An OAuth 2.0 error response (RFC 6749 §5.2): the token endpoint speaks OAuth, not problem+json.</summary>
internal sealed record TokenError(string Error, string Description, int Status = 400);
