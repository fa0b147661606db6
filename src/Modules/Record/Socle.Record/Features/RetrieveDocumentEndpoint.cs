using Microsoft.EntityFrameworkCore;

namespace Socle.Record.Features;

/// <summary>GET /fhir/Binary/{id}: IHE MHD ITI-68 Retrieve Document, the bytes with their content type.</summary>
internal static class RetrieveDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/Binary/{id}", RetrieveAsync)
            .RequireScope(RecordScopes.Read)
            .WithName("RetrieveDocument")
            .WithSummary("ITI-68 Retrieve Document");

    private static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RecordDocuments documents)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var (scope, entry) = await documents.ReadableAsync(id, "retrieve", cancellationToken);
        var bytes = await documents.Traces.WhileTracingAsync(scope, "retrieve", "Binary", entry.Id, () =>
            documents.Db.Contents.AsNoTracking().Where(c => c.DocumentId == entry.Id).Select(c => c.Bytes).SingleAsync(cancellationToken));
        request.HttpContext.Response.Headers.ETag = $"\"{entry.Sha1}\"";
        return Results.Bytes(bytes, entry.ContentType);
    }
}
