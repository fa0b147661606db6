using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Socle.BuildingBlocks.Web;

namespace Socle.Host.Tests;

/// <summary>The one exception handler's mapping of store refusals that are the caller's doing.</summary>
public sealed class ExceptionHandlerTests
{
    [Fact]
    public async Task A_NUL_refused_by_PostgreSQL_is_the_callers_400_not_a_500()
    {
        var nul = new StoreRefusal("22021");
        foreach (var exception in new Exception[] { nul, new DbUpdateException("saving", nul) })
        {
            var (status, code) = await HandleAsync(exception);
            Assert.Equal(400, status);
            Assert.Equal("SOCLE-0003", code);
        }

        Assert.Equal((500, "SOCLE-0500"), await HandleAsync(new StoreRefusal("53300")));
    }

    private static async Task<(int Status, string Code)> HandleAsync(Exception exception)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/connect/login";
        context.Response.Body = new MemoryStream();
        Assert.True(await new SocleExceptionHandler(NullLogger<SocleExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None));
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, body.RootElement.GetProperty("code").GetString()!);
    }

    /// <summary>A database error with a SQLSTATE, as Npgsql's PostgresException carries one.</summary>
    private sealed class StoreRefusal(string sqlState) : DbException("refused")
    {
        public override string SqlState { get; } = sqlState;
    }
}
