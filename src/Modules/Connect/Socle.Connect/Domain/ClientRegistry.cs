using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Identifiers;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Contracts;
using Socle.Connect.Storage;

namespace Socle.Connect.Domain;

internal sealed class ClientRegistry(ConnectDbContext db, ScopeCatalog scopes, TimeProvider clock) : IClientRegistry
{
    public async Task<RegisteredClient> RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        var name = registration.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw ConnectErrors.InvalidName.ToException();
        }

        if (!Finess.IsValid(registration.Organisation))
        {
            throw ConnectErrors.InvalidOrganisation.WithMessage($"'{registration.Organisation}' is not a valid FINESS number (9 characters with a valid check digit).").ToException();
        }

        var requested = registration.Scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count == 0)
        {
            throw ConnectErrors.NoScope.ToException();
        }

        var unknown = requested.Where(s => !scopes.IsKnown(s)).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", scopes.All.Select(d => d.Name));
            throw ConnectErrors.UnknownScope.WithMessage($"Unknown scope(s): {string.Join(", ", unknown)}. Known scopes: {known}.").ToException();
        }

        var secret = ClientSecrets.NewSecret();
        var client = new ClientApplication
        {
            ClientId = ClientSecrets.NewClientId(),
            Name = name,
            Organisation = registration.Organisation,
            Scopes = string.Join(' ', requested),
            SecretHash = ClientSecrets.Hash(secret),
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredClient(client.ClientId, secret);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Clients.CountAsync(cancellationToken);
}
