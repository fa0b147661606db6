using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Connect.Domain;
using Socle.Connect.Storage;

namespace Socle.Connect.Security;

/// <summary>
/// The registered clients, kept for a short while (docs/decisions/0016): every token, introspection and revocation
/// request looks its client up, and clients change rarely. A change made in the database by another process applies
/// within <see cref="ConnectOptions.ClientCacheMs"/>. Unknown ids are not kept, so made-up client ids cannot fill it.
/// </summary>
internal sealed class ClientCache(IOptions<ConnectOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> clients = new(StringComparer.Ordinal);

    /// <summary>The client, active or not, or null when no client has this id.</summary>
    public async ValueTask<ClientApplication?> FindAsync(ConnectDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (clients.TryGetValue(clientId, out var entry) && entry.FreshUntilMs > now)
        {
            return entry.Client;
        }

        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(x => x.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            clients.TryRemove(clientId, out _);
            return null;
        }

        clients[clientId] = new Entry(client, now + options.Value.ClientCacheMs);
        return client;
    }

    /// <summary>The cached instances are shared by concurrent requests, which only read them.</summary>
    private sealed record Entry(ClientApplication Client, long FreshUntilMs);
}
