using Socle.Record.Access;

namespace Socle.Record.Features;

/// <summary>
/// The metadata changes the record allows: visibility ($update-visibility), deprecation ($deprecate) and deletion
/// (DELETE: kept for the traces, never returned again). Replacement is a deposit with relatesTo 'replaces'.
/// </summary>
internal static class DocumentLifecycleEndpoints
{
    private static readonly (string Parameter, Visibility Flag)[] VisibilityParameters =
    [
        ("masque-ps", Visibility.HiddenFromProfessionals),
        ("invisible-patient", Visibility.HiddenFromPatient),
        ("invisible-representants-legaux", Visibility.HiddenFromRepresentatives),
    ];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/fhir/DocumentReference/{id}/$update-visibility", UpdateVisibilityAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("UpdateDocumentVisibility")
            .WithSummary("Hide from or show to professionals, the patient or the legal representatives");
        routes.MapPost("/fhir/DocumentReference/{id}/$deprecate", DeprecateAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("DeprecateDocument")
            .WithSummary("Mark a document superseded without a replacement (author only)");
        routes.MapDelete("/fhir/DocumentReference/{id}", DeleteAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("DeleteDocument")
            .WithSummary("Delete a document (author or patient); kept for the traces");
    }

    private static async Task<IResult> UpdateVisibilityAsync(string id, HttpRequest request, RecordDocuments documents)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var parameters = await FhirRequest.ReadAsync<Parameters>(request);
        var (scope, entry) = await documents.ReadableAsync(id, "visibility", cancellationToken);
        var wanted = (Visibility)entry.Visibility;
        var given = 0;
        foreach (var parameter in parameters.Parameter ?? [])
        {
            var match = VisibilityParameters.FirstOrDefault(p => p.Parameter == parameter.Name);
            if (match.Parameter is null || parameter.ValueBoolean is not { } value)
            {
                throw RecordErrors.InvalidParameter.WithMessage($"'{parameter.Name}': give masque-ps, invisible-patient or invisible-representants-legaux as valueBoolean.").ToException();
            }

            wanted = value ? wanted | match.Flag : wanted & ~match.Flag;
            given++;
        }

        if (given == 0)
        {
            throw RecordErrors.InvalidParameter.WithMessage("Give at least one of masque-ps, invisible-patient, invisible-representants-legaux.").ToException();
        }

        await documents.Traces.EnsureAsync(scope, "visibility", AccessPolicy.ChangeVisibility(scope.Access, scope.Standing, entry.Facts, wanted));
        var before = (Visibility)entry.Visibility;
        entry.Visibility = (int)wanted;
        await documents.Db.SaveChangesAsync(cancellationToken);
        var change = string.Join(',', VisibilityParameters.Where(p => before.HasFlag(p.Flag) != wanted.HasFlag(p.Flag)).Select(p => (wanted.HasFlag(p.Flag) ? "+" : "-") + p.Parameter));
        await documents.Traces.TraceAsync(scope, wanted.HasFlag(Visibility.HiddenFromProfessionals) && !before.HasFlag(Visibility.HiddenFromProfessionals) ? "hide" : "visibility", "DocumentReference", entry.Id, change.Length == 0 ? null : change);
        return new FhirResult(DocumentMapper.ToFhir(entry, FhirUrls.Base(request)));
    }

    private static async Task<IResult> DeprecateAsync(string id, HttpRequest request, RecordDocuments documents)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var (scope, entry) = await documents.ReadableAsync(id, "deprecate", cancellationToken);
        await documents.Traces.EnsureAsync(scope, "deprecate", AccessPolicy.Amend(scope.Access, scope.Standing, entry.Facts));
        if (entry.Status != DocumentStatuses.Current)
        {
            throw RecordErrors.NotReplaceable.WithMessage("Only a current document can be deprecated.").ToException();
        }

        entry.Status = DocumentStatuses.Deprecated;
        await documents.Db.SaveChangesAsync(cancellationToken);
        await documents.Traces.TraceAsync(scope, "deprecate", "DocumentReference", entry.Id);
        return new FhirResult(DocumentMapper.ToFhir(entry, FhirUrls.Base(request)));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, RecordDocuments documents, TimeProvider clock)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var (scope, entry) = await documents.ReadableAsync(id, "delete", cancellationToken);
        await documents.Traces.EnsureAsync(scope, "delete", AccessPolicy.Delete(scope.Access, scope.Standing, entry.Facts));
        entry.DeletedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await documents.Db.SaveChangesAsync(cancellationToken);
        await documents.Traces.TraceAsync(scope, "delete", "DocumentReference", entry.Id);
        return Results.NoContent();
    }
}
