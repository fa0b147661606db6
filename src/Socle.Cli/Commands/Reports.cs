using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Socle.BuildingBlocks.Storage;

namespace Socle.Cli.Commands;

/// <summary>Full command reports, written as JSON under the data directory's <c>reports</c> folder.</summary>
internal static class Reports
{
    public static async Task<string> WriteAsync(IServiceProvider services, string name, string json, CancellationToken ct)
    {
        var reports = Path.Combine(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "reports");
        System.IO.Directory.CreateDirectory(reports);
        var stamp = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddTHHmmssZ", CultureInfo.InvariantCulture);
        var file = Path.Combine(reports, $"{name}-{stamp}.json");
        await File.WriteAllTextAsync(file, json, ct);
        return file;
    }
}
