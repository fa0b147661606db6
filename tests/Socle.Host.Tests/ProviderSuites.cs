using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

// The same suites run on the embedded store and on a real PostgreSQL started by the tests.
public sealed class PlatformApiTestsOnSqlite(SqliteApiFactory factory) : PlatformApiTests<SqliteApiFactory>(factory);

public sealed class PlatformApiTestsOnPostgres(PostgresApiFactory factory) : PlatformApiTests<PostgresApiFactory>(factory);

public sealed class InsiApiTestsOnSqlite(SqliteApiFactory factory) : InsiApiTests<SqliteApiFactory>(factory);

public sealed class InsiApiTestsOnPostgres(PostgresApiFactory factory) : InsiApiTests<PostgresApiFactory>(factory);

public sealed class LocalIdentityApiTestsOnSqlite(SqliteApiFactory factory) : LocalIdentityApiTests<SqliteApiFactory>(factory);

public sealed class LocalIdentityApiTestsOnPostgres(PostgresApiFactory factory) : LocalIdentityApiTests<PostgresApiFactory>(factory);

public sealed class AuditChainTestsOnSqlite(SqliteApiFactory factory) : AuditChainTests<SqliteApiFactory>(factory);

public sealed class AuditChainTestsOnPostgres(PostgresApiFactory factory) : AuditChainTests<PostgresApiFactory>(factory);

public sealed class MigrationTestsOnSqlite(SqliteApiFactory factory) : MigrationTests<SqliteApiFactory>(factory);

public sealed class MigrationTestsOnPostgres(PostgresApiFactory factory) : MigrationTests<PostgresApiFactory>(factory);

public sealed class DirectoryApiTestsOnSqlite(SqliteApiFactory factory) : DirectoryApiTests<SqliteApiFactory>(factory);

public sealed class DirectoryApiTestsOnPostgres(PostgresApiFactory factory) : DirectoryApiTests<PostgresApiFactory>(factory);

public sealed class DirectoryImportTestsOnSqlite(SqliteApiFactory factory) : DirectoryImportTests<SqliteApiFactory>(factory);

public sealed class DirectoryImportTestsOnPostgres(PostgresApiFactory factory) : DirectoryImportTests<PostgresApiFactory>(factory);

public sealed class DirectoryImportFuzzTestsOnSqlite(SqliteApiFactory factory) : DirectoryImportFuzzTests<SqliteApiFactory>(factory);

public sealed class DirectoryImportFuzzTestsOnPostgres(PostgresApiFactory factory) : DirectoryImportFuzzTests<PostgresApiFactory>(factory);

public sealed class ConnectFlowTestsOnSqlite(SqliteApiFactory factory) : Socle.Host.Tests.Connect.ConnectFlowTests<SqliteApiFactory>(factory);

public sealed class ConnectFlowTestsOnPostgres(PostgresApiFactory factory) : Socle.Host.Tests.Connect.ConnectFlowTests<PostgresApiFactory>(factory);

public sealed class ConnectPeopleTestsOnSqlite(SqliteApiFactory factory) : Socle.Host.Tests.Connect.ConnectPeopleTests<SqliteApiFactory>(factory);

public sealed class ConnectPeopleTestsOnPostgres(PostgresApiFactory factory) : Socle.Host.Tests.Connect.ConnectPeopleTests<PostgresApiFactory>(factory);

public sealed class RecordApiTestsOnSqlite(SqliteApiFactory factory) : Socle.Host.Tests.Record.RecordApiTests<SqliteApiFactory>(factory);

public sealed class RecordApiTestsOnPostgres(PostgresApiFactory factory) : Socle.Host.Tests.Record.RecordApiTests<PostgresApiFactory>(factory);

public sealed class DepositFuzzTestsOnSqlite(SqliteApiFactory factory) : Socle.Host.Tests.Record.DepositFuzzTests<SqliteApiFactory>(factory);

public sealed class DepositFuzzTestsOnPostgres(PostgresApiFactory factory) : Socle.Host.Tests.Record.DepositFuzzTests<PostgresApiFactory>(factory);

public sealed class SearchFuzzTestsOnSqlite(SqliteApiFactory factory) : Socle.Host.Tests.Record.SearchFuzzTests<SqliteApiFactory>(factory);

public sealed class SearchFuzzTestsOnPostgres(PostgresApiFactory factory) : Socle.Host.Tests.Record.SearchFuzzTests<PostgresApiFactory>(factory);
