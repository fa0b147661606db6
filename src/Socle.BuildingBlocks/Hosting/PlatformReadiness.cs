namespace Socle.BuildingBlocks.Hosting;

/// <summary>
/// Whether the schema is migrated and the sandbox data seeded. The host listens while it prepares them (decision 0015):
/// until then requests are answered 503 and background services wait here before touching storage.
/// </summary>
public sealed class PlatformReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the platform is ready; faults if its preparation failed.</summary>
    public Task WhenReady => ready.Task;

    public void MarkReady() => ready.TrySetResult();

    public void MarkFailed(Exception error) => ready.TrySetException(error);

    /// <summary>For background services: returns once ready, or throws if preparation failed or the host stops first.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);
}
