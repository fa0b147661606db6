namespace Socle.Connect.Contracts;

/// <summary>
/// Delivers activation and one-time codes to a person. The default writes each message to a file of the local
/// outbox (sandbox); a deployment registers its own sender (e-mail, SMS) in place of it.
/// </summary>
public interface IAccountMessageSender
{
    /// <returns>Where the message went (a file path, an address), for the operator.</returns>
    Task<string> SendAsync(AccountMessage message, CancellationToken cancellationToken);
}

/// <param name="Recipient">The e-mail address, or the login when the account has none.</param>
public sealed record AccountMessage(string Recipient, string Subject, string Body);
