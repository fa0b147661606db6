using Microsoft.Extensions.Configuration;
using Npgsql;
using Socle.BuildingBlocks.Storage;

namespace Socle.Host.Tests.Storage;

/// <summary>The pooling defaults Socle adds to a PostgreSQL connection string, and the operator's word over them.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void APlainConnectionString_GetsPreparedStatementsAndNoResetOnReturn()
    {
        var built = Build("Host=db.example;Database=socle;Username=socle");

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("db.example", built.Host);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db.example;MaxAutoPrepare=8", 8, true)]
    [InlineData("Host=db.example;NoResetOnClose=false", 64, false)]
    public void WhatTheOperatorSet_IsKept(string configured, int autoPrepare, bool noReset)
    {
        var built = Build(configured);

        Assert.Equal(autoPrepare, built.MaxAutoPrepare);
        Assert.Equal(noReset, built.NoResetOnClose);
    }

    private static NpgsqlConnectionStringBuilder Build(string configured)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Socle"] = configured }).Build();
        return new NpgsqlConnectionStringBuilder(StorageConfiguration.ConnectionString(configuration, new StorageOptions { Provider = "Postgres" }));
    }
}
