using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>A bad setting stops the start with a message that names it.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Socle:Storage:Provider", "Oracle", "Socle:Storage:Provider must be Sqlite or Postgres")]
    [InlineData("Socle:Connect:AccessTokenLifetimeSeconds", "5", "AccessTokenLifetimeSeconds")]
    [InlineData("Socle:Identity:SandboxPopulation", "-1", "SandboxPopulation")]
    public void Start_WithABadSetting_FailsNamingIt(string key, string value, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"socle-config-{Guid.NewGuid():N}.db");
        Exception error;
        using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Socle", $"Data Source={file}");
            b.UseSetting(key, value);
        }))
        {
            error = Assert.ThrowsAny<Exception>(() => factory.Server);
        }

        // After the factory is gone: whatever of the start still ran until then may have created the file.
        SqliteFiles.Delete(file);
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? error.GetBaseException() as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }
}
