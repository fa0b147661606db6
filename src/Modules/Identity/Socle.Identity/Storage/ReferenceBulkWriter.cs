using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Storage;

/// <summary>
/// Writes the synthetic population at bulk speed: binary COPY on PostgreSQL, prepared inserts in large
/// transactions on SQLite. EF change tracking would take hours for a million rows.
/// </summary>
internal sealed class ReferenceBulkWriter(IdentityDbContext db)
{
    private const int SqliteCommitEvery = 50_000;
    private static readonly string[] Columns = ["Id", "Nir", "Oid", "BirthFamilyName", "BirthGivenNames", "BirthDate", "Gender", "Birthplace", "FamilyKey", "GivenKey"];

    public async Task<long> WriteAsync(IEnumerable<ReferenceIdentity> rows, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var written = connection is NpgsqlConnection pg
                ? await CopyAsync(pg, rows, progress, cancellationToken)
                : await InsertAsync((SqliteConnection)connection, rows, progress, cancellationToken);

            // Fresh statistics after a bulk load, so that the planner picks the trait index for INSi lookups.
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = connection is NpgsqlConnection
                ? $"ANALYZE \"{IdentityDbContext.ModuleName}\".\"{IdentityDbContext.ReferenceTable}\""
                : $"ANALYZE \"{IdentityDbContext.ReferenceTable}\"";
            await analyze.ExecuteNonQueryAsync(cancellationToken);
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, IEnumerable<ReferenceIdentity> rows, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var copy = $"COPY \"{IdentityDbContext.ModuleName}\".\"{IdentityDbContext.ReferenceTable}\" ({columns}) FROM STDIN (FORMAT BINARY)";
        long written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.Id, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(row.Nir, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Oid, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.BirthFamilyName, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.BirthGivenNames, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.BirthDate, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(row.Gender.ToString(), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Birthplace, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.FamilyKey, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.GivenKey, NpgsqlDbType.Text, cancellationToken);
                if (++written % 10_000 == 0)
                {
                    progress?.Report(written);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        progress?.Report(written);
        return written;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, IEnumerable<ReferenceIdentity> rows, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", Columns.Select(c => "$" + c));
        long written = 0;
        DbTransaction? transaction = null;
        SqliteCommand? command = null;
        try
        {
            foreach (var row in rows)
            {
                if (command is null)
                {
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    command = connection.CreateCommand();
                    command.Transaction = (SqliteTransaction)transaction;
                    command.CommandText = $"INSERT INTO \"{IdentityDbContext.ReferenceTable}\" ({names}) VALUES ({values})";
                    foreach (var column in Columns)
                    {
                        command.Parameters.Add(new SqliteParameter("$" + column, null));
                    }

                    command.Prepare();
                }

                var p = command.Parameters;
                p[0].Value = row.Id;
                p[1].Value = row.Nir;
                p[2].Value = row.Oid;
                p[3].Value = row.BirthFamilyName;
                p[4].Value = row.BirthGivenNames;
                p[5].Value = row.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                p[6].Value = row.Gender.ToString();
                p[7].Value = row.Birthplace;
                p[8].Value = row.FamilyKey;
                p[9].Value = row.GivenKey;
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++written % SqliteCommitEvery == 0)
                {
                    await transaction!.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    await command.DisposeAsync();
                    command = null;
                    transaction = null;
                    progress?.Report(written);
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        progress?.Report(written);
        return written;
    }
}
