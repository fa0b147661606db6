using System.Diagnostics.Metrics;

namespace Socle.Identity.Features.Shared;

/// <summary>Domain counters of the Identity module, exported on /metrics.</summary>
internal sealed class IdentityMetrics : IDisposable
{
    private readonly Meter meter = new("Socle.Identity");
    private readonly Counter<long> insiRequests;

    public IdentityMetrics()
    {
        insiRequests = meter.CreateCounter<long>("socle.identity.insi.requests", description: "INSi teleservice calls by operation and result code");
    }

    public void InsiCall(string operation, string result) =>
        insiRequests.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("result", result));

    public void Dispose() => meter.Dispose();
}
