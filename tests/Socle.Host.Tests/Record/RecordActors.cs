using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Socle.Connect.Contracts;
using Socle.Host.Tests.Connect;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Record;

/// <summary>The people of the record tests: sandbox professionals and patients, logged in through Connect's code flow.</summary>
internal sealed class RecordActors(SocleApiFactory factory)
{
    private const string Scopes = "openid record.read record.write";

    public Task<IReadOnlyList<SandboxProfessionalAccount>> DoctorsAsync(int count) => ProfessionalsAsync(count, "10");

    public async Task<IReadOnlyList<SandboxProfessionalAccount>> ProfessionalsAsync(int count, string profession)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(count, profession, CancellationToken.None);
    }

    public async Task<IReadOnlyList<SandboxPatientAccount>> PatientAccountsAsync(int count)
    {
        await using var scope = OperatorScope.Create(factory);
        return await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxPatientsAsync(count, CancellationToken.None);
    }

    /// <summary>A sandbox patient logged in; each test uses its own index, as a TOTP code serves once.</summary>
    public async Task<(HttpClient Client, string Ins)> PatientAsync(int index)
    {
        var account = (await PatientAccountsAsync(index + 1))[index];
        return (await LoginAsync(account.Login, account.Password, account.TotpSecret), account.Ins);
    }

    public Task<HttpClient> ProfessionalAsync(SandboxProfessionalAccount account) => LoginAsync(account.Login, account.Password, account.TotpSecret);

    public Task<HttpClient> LoginAsync(SandboxProfessionalAccount account, string activityId) => LoginAsync(account.Login, account.Password, account.TotpSecret, activityId);

    /// <summary>A person's token from Connect's authorization code flow, on an HTTP client that sends it.</summary>
    public async Task<HttpClient> LoginAsync(string login, string password, string totpSecret, string? activityId = null)
    {
        var rp = await OidcTestClient.RegisterAsync(factory, scopes: Scopes);
        var callback = await rp.LoginAsync(rp.AuthorizeUrl(scope: Scopes), login, password, totpSecret, activityId);
        var tokens = await OidcTestClient.JsonAsync(await rp.ExchangeCodeAsync(OidcTestClient.CallbackParameters(callback)["code"]));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return client;
    }
}
