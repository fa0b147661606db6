using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Connect.Storage.Migrations;

/// <summary>Every host reads the families revoked since its last look, every second: by index, not by scanning them all.</summary>
[DbContext(typeof(ConnectDbContext))]
[Migration("202611240001_RevokedFamiliesIndex")]
internal sealed class M0003_RevokedFamiliesIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ix_connect_token_families_revoked", "connect_token_families", "RevokedAtMs", schema: migrationBuilder.SchemaFor(ConnectDbContext.ModuleName));
}
