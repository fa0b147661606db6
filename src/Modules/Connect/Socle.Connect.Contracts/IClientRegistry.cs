namespace Socle.Connect.Contracts;

public interface IClientRegistry
{
    /// <summary>Registers a software client; throws a validation error for an invalid FINESS or an unknown scope.</summary>
    Task<RegisteredClient> RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
