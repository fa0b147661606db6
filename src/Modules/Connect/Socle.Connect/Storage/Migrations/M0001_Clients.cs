using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Connect.Storage.Migrations;

[DbContext(typeof(ConnectDbContext))]
[Migration("202611220001_Clients")]
internal sealed class M0001_Clients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(ConnectDbContext.ModuleName);
        migrationBuilder.CreateTable(
            name: "connect_clients",
            schema: schema,
            columns: t => new
            {
                ClientId = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Organisation = t.Column<string>(nullable: false),
                Scopes = t.Column<string>(nullable: false),
                SecretHash = t.Column<string>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                Active = t.Column<bool>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_connect_clients", x => x.ClientId));
        migrationBuilder.CreateTable(
            name: "connect_signing_keys",
            schema: schema,
            columns: t => new
            {
                KeyId = t.Column<string>(nullable: false),
                Algorithm = t.Column<string>(nullable: false),
                PrivateKeyPem = t.Column<string>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                RetiredAtMs = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_connect_signing_keys", x => x.KeyId));
    }
}
