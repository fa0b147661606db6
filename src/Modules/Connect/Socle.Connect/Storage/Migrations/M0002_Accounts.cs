using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Socle.BuildingBlocks.Storage;

namespace Socle.Connect.Storage.Migrations;

/// <summary>People's logins: accounts, authorization grants and their families, consents, sessions, throttling.</summary>
[DbContext(typeof(ConnectDbContext))]
[Migration("202611230001_Accounts")]
internal sealed class M0002_Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.SchemaFor(ConnectDbContext.ModuleName);
        migrationBuilder.AddColumn<string>("GrantTypes", "connect_clients", schema: schema, nullable: false, defaultValue: "client_credentials");
        migrationBuilder.AddColumn<string>("RedirectUris", "connect_clients", schema: schema, nullable: false, defaultValue: string.Empty);
        migrationBuilder.AddColumn<string>("PostLogoutRedirectUris", "connect_clients", schema: schema, nullable: false, defaultValue: string.Empty);
        migrationBuilder.AddColumn<bool>("RequireConsent", "connect_clients", schema: schema, nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>("PublicKeyPem", "connect_clients", schema: schema, nullable: true);
        migrationBuilder.AddColumn<long>("ActivatedAtMs", "connect_signing_keys", schema: schema, nullable: true);
        var keys = schema is null ? "connect_signing_keys" : $"\"{schema}\".connect_signing_keys";
        migrationBuilder.Sql($"UPDATE {keys} SET \"ActivatedAtMs\" = \"CreatedAtMs\"");

        migrationBuilder.CreateTable(
            name: "connect_accounts",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                Login = t.Column<string>(nullable: false),
                IdNat = t.Column<string>(nullable: true),
                PatientId = t.Column<Guid>(nullable: true),
                Email = t.Column<string>(nullable: true),
                State = t.Column<string>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                TotpSecret = t.Column<string>(nullable: true),
                TotpLastStep = t.Column<long>(nullable: false),
                SecondFactor = t.Column<string>(nullable: false),
                EmailCodeHash = t.Column<string>(nullable: true),
                EmailCodeExpiresAtMs = t.Column<long>(nullable: true),
                ActivationCodeHash = t.Column<string>(nullable: true),
                ActivationExpiresAtMs = t.Column<long>(nullable: true),
                Sandbox = t.Column<bool>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                PasswordChangedAtMs = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_connect_accounts", x => x.Id));
        migrationBuilder.CreateIndex("ux_connect_accounts_login", "connect_accounts", "Login", schema: schema, unique: true);
        migrationBuilder.CreateIndex("ux_connect_accounts_idnat", "connect_accounts", "IdNat", schema: schema, unique: true);
        migrationBuilder.CreateIndex("ux_connect_accounts_patient", "connect_accounts", "PatientId", schema: schema, unique: true);

        migrationBuilder.CreateTable(
            name: "connect_token_families",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ClientId = t.Column<string>(nullable: false),
                AccountId = t.Column<Guid>(nullable: true),
                SessionId = t.Column<string>(nullable: true),
                ClaimsJson = t.Column<string>(nullable: false),
                CreatedAtMs = t.Column<long>(nullable: false),
                RevokedAtMs = t.Column<long>(nullable: true),
                RevokedReason = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_connect_token_families", x => x.Id));
        migrationBuilder.CreateIndex("ix_connect_token_families_session", "connect_token_families", "SessionId", schema: schema);

        migrationBuilder.CreateTable(
            name: "connect_grants",
            schema: schema,
            columns: t => new
            {
                HandleHash = t.Column<string>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                FamilyId = t.Column<Guid>(nullable: true),
                ClientId = t.Column<string>(nullable: false),
                Scopes = t.Column<string>(nullable: false),
                RedirectUri = t.Column<string>(nullable: true),
                CodeChallenge = t.Column<string>(nullable: true),
                Nonce = t.Column<string>(nullable: true),
                CreatedAtMs = t.Column<long>(nullable: false),
                ExpiresAtMs = t.Column<long>(nullable: false),
                ConsumedAtMs = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_connect_grants", x => x.HandleHash));
        migrationBuilder.CreateIndex("ix_connect_grants_expires", "connect_grants", "ExpiresAtMs", schema: schema);

        migrationBuilder.CreateTable(
            name: "connect_consents",
            schema: schema,
            columns: t => new
            {
                AccountId = t.Column<Guid>(nullable: false),
                ClientId = t.Column<string>(nullable: false),
                Scopes = t.Column<string>(nullable: false),
                GrantedAtMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_connect_consents", x => new { x.AccountId, x.ClientId }));

        migrationBuilder.CreateTable(
            name: "connect_sessions",
            schema: schema,
            columns: t => new
            {
                Id = t.Column<string>(nullable: false),
                AccountId = t.Column<Guid>(nullable: false),
                AuthTimeMs = t.Column<long>(nullable: false),
                Amr = t.Column<string>(nullable: false),
                ActivityId = t.Column<string>(nullable: true),
                EndedAtMs = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_connect_sessions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "connect_login_throttle",
            schema: schema,
            columns: t => new
            {
                Key = t.Column<string>(nullable: false),
                Failures = t.Column<int>(nullable: false),
                LastFailureAtMs = t.Column<long>(nullable: false),
                LockedUntilMs = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_connect_login_throttle", x => x.Key));

        migrationBuilder.CreateTable(
            name: "connect_settings",
            schema: schema,
            columns: t => new
            {
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_connect_settings", x => x.Name));

        migrationBuilder.CreateTable(
            name: "connect_dataprotection_keys",
            schema: schema,
            columns: t => new
            {
                FriendlyName = t.Column<string>(nullable: false),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_connect_dataprotection_keys", x => x.FriendlyName));
    }
}
