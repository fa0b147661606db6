using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Record;

/// <summary>On PostgreSQL, a document's bytes are compressed with LZ4 (migration M0002 of the Record module) and read back unchanged.</summary>
public sealed class DocumentContentStorageOnPostgresTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task ACompressibleDocument_IsStoredWithLz4_AndReadBackUnchanged()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var type = typeof(Socle.Record.RecordModule).Assembly.GetTypes().Single(t => t.Name == "RecordDbContext");
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();

        // A level 3 CDA repeats its markup: 40 KB of it compresses, so it is stored compressed, with the column's method.
        var cda = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"<entry><observation classCode=\"OBS\"><value value=\"{i}\"/></observation></entry>")));
        var id = Guid.NewGuid();
        await ExecuteAsync(connection, transaction, "INSERT INTO record.record_document_contents (\"DocumentId\", \"Bytes\") VALUES ($1, $2)", id, cda);

        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT pg_column_compression(\"Bytes\"), \"Bytes\", pg_column_size(\"Bytes\") FROM record.record_document_contents WHERE \"DocumentId\" = $1";
        read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("lz4", reader.GetString(0));
        Assert.Equal(cda, (byte[])reader.GetValue(1));
        Assert.True(reader.GetInt32(2) < cda.Length / 4, $"stored {reader.GetInt32(2)} bytes for {cda.Length}");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
