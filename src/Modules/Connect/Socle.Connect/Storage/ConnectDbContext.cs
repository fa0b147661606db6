using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Storage;
using Socle.Connect.Domain;

namespace Socle.Connect.Storage;

internal sealed class ConnectDbContext(DbContextOptions<ConnectDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "connect";

    public DbSet<ClientApplication> Clients => Set<ClientApplication>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ClientApplication>(e =>
        {
            e.ToTable("connect_clients");
            e.HasKey(x => x.ClientId);
        });
        modelBuilder.Entity<SigningKey>(e =>
        {
            e.ToTable("connect_signing_keys");
            e.HasKey(x => x.KeyId);
        });
    }
}
