using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Storage;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests;

/// <summary>The hand-written migrations create exactly what each module's model maps, on every provider.</summary>
public abstract class MigrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    public static TheoryData<string> Contexts => new() { "AuditDbContext", "ConnectDbContext", "IdentityDbContext" };

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task Schema_IsInStepWithTheModel(string contextName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().SelectMany(SafeTypes)
            .Single(t => t.Name == contextName && typeof(ModuleDbContext).IsAssignableFrom(t));
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(type);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var expected = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToList();
            var actual = await ColumnsAsync(connection, entity.GetSchema(), table);
            Assert.True(expected.SequenceEqual(actual), $"{table}: model [{string.Join(", ", expected)}] but database [{string.Join(", ", actual)}]");
        }
    }

    private static IEnumerable<Type> SafeTypes(System.Reflection.Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (System.Reflection.ReflectionTypeLoadException)
        {
            return [];
        }
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, string? schema, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = schema is null
            ? $"SELECT name FROM pragma_table_info('{table}')"
            : $"SELECT column_name FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = '{table}'";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Order(StringComparer.Ordinal).ToList();
    }
}
