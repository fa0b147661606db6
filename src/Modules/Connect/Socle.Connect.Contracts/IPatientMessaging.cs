namespace Socle.Connect.Contracts;

/// <summary>Sends a message to the patient who holds an INS, through their account's channel (e-mail, or the sandbox outbox).</summary>
public interface IPatientMessaging
{
    /// <returns>False when no patient account holds this INS (the message is then only in the record's traces).</returns>
    Task<bool> NotifyAsync(string ins, string subject, string body, CancellationToken cancellationToken);
}
