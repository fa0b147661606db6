using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Contracts;

namespace Socle.Connect.Accounts;

/// <summary>The sandbox delivery of account messages: one text file per message in <c>{data}/outbox/</c>.</summary>
internal sealed class FileOutboxSender(IOptions<StorageOptions> storage, TimeProvider clock) : IAccountMessageSender
{
    public async Task<string> SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(storage.Value.DataDirectory, "outbox");
        System.IO.Directory.CreateDirectory(folder);
        var safe = new string(message.Recipient.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray());
        var path = Path.Combine(folder, $"{clock.GetUtcNow().ToString("yyyyMMddTHHmmssfff", CultureInfo.InvariantCulture)}-{safe}.txt");
        var text = $"To: {message.Recipient}\nSubject: {message.Subject}\nDate: {clock.GetUtcNow():R}\n\n{message.Body}\n";
        await File.WriteAllTextAsync(path, text, Encoding.UTF8, cancellationToken);
        return Path.GetFullPath(path);
    }
}
