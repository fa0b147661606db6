using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Domain;

namespace Socle.Connect.Storage;

internal sealed class ConnectDbContext(DbContextOptions<ConnectDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "connect";

    // Named for GrantStore's statements.
    public const string GrantsTable = "connect_grants";
    public const string FamiliesTable = "connect_token_families";
    public const string AccountsTable = "connect_accounts";

    public DbSet<ClientApplication> Clients => Set<ClientApplication>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<TokenFamily> Families => Set<TokenFamily>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<LoginSession> Sessions => Set<LoginSession>();

    public DbSet<LoginThrottleEntry> Throttle => Set<LoginThrottleEntry>();

    public DbSet<ConnectSetting> Settings => Set<ConnectSetting>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientApplication>(e =>
        {
            e.ToTable("connect_clients");
            e.HasKey(x => x.ClientId);
            e.Ignore(x => x.RedirectUriList);
        });
        modelBuilder.Entity<SigningKey>(e =>
        {
            e.ToTable("connect_signing_keys");
            e.HasKey(x => x.KeyId);
        });
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable(AccountsTable);
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<TokenFamily>(e =>
        {
            e.ToTable(FamiliesTable);
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<Grant>(e =>
        {
            e.ToTable(GrantsTable);
            e.HasKey(x => x.HandleHash);
        });
        modelBuilder.Entity<Consent>(e =>
        {
            e.ToTable("connect_consents");
            e.HasKey(x => new { x.AccountId, x.ClientId });
        });
        modelBuilder.Entity<LoginSession>(e =>
        {
            e.ToTable("connect_sessions");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<LoginThrottleEntry>(e =>
        {
            e.ToTable("connect_login_throttle");
            e.HasKey(x => x.Key);
        });
        modelBuilder.Entity<ConnectSetting>(e =>
        {
            e.ToTable("connect_settings");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("connect_dataprotection_keys");
            e.HasKey(x => x.FriendlyName);
        });
    }
}
