using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Outbox;
using Socle.Identity.Domain.Local;

namespace Socle.Identity.Features.Patients;

/// <summary>
/// POST /fhir/Patient/$merge and $unmerge. The merged identity is kept, marked and linked (replaced-by); an
/// IdentityMerged event goes to the outbox in the same transaction.
/// </summary>
internal static class MergePatientsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/fhir/Patient/$merge", MergeAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("MergePatients")
            .WithSummary("Merge a duplicate identity (source-patient) into a survivor (target-patient)");
        routes.MapPost("/fhir/Patient/$unmerge", UnmergeAsync)
            .RequireScope(IdentityScopes.Write)
            .WithName("UnmergePatients")
            .WithSummary("Reverse a merge (source-patient becomes active again)");
    }

    private static async Task<IResult> MergeAsync(HttpRequest request, LocalIdentityStore store, Outbox outbox, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "source-patient", "target-patient");
        var sourceId = PatientId(input, "source-patient");
        var targetId = PatientId(input, "target-patient");
        if (sourceId == targetId)
        {
            throw IdentityErrors.MergeIntoItself.ToException();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var source = await LoadAsync(store, sourceId, caller, cancellationToken);
        var target = await LoadAsync(store, targetId, caller, cancellationToken);
        if (source.IsMerged)
        {
            throw IdentityErrors.AlreadyMerged.ToException();
        }

        if (target.IsMerged)
        {
            throw IdentityErrors.MergedIdentity.WithMessage("The target-patient was itself merged; merge into its survivor.").ToException();
        }

        if (source.Ins is not null && target.Ins is not null && (source.Ins != target.Ins || source.InsOid != target.InsOid))
        {
            throw IdentityErrors.DifferentIns.ToException();
        }

        var now = clock.GetUtcNow();
        source.MergedIntoId = target.Id;
        source.MergedAtMs = now.ToUnixTimeMilliseconds();
        store.Record(source, $"merged into {target.Id:N}");
        store.Record(target, $"survivor of {source.Id:N}");
        outbox.Enqueue(store.Db, new IdentityMerged(Guid.NewGuid(), caller.Organisation, source.Id, target.Id, now));
        await store.SaveAsync(cancellationToken);
        await Task.WhenAll(audit.RecordAsync("identity.merge", source, cancellationToken), audit.RecordAsync("identity.merge", target, cancellationToken));
        return Outcome($"Patient/{source.Id:N} merged into Patient/{target.Id:N}.", target);
    }

    private static async Task<IResult> UnmergeAsync(HttpRequest request, LocalIdentityStore store, Outbox outbox, ICallerContext caller, IAuditTrail audit, TimeProvider clock)
    {
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "source-patient");
        var sourceId = PatientId(input, "source-patient");
        var cancellationToken = request.HttpContext.RequestAborted;
        var source = await LoadAsync(store, sourceId, caller, cancellationToken);
        if (source.MergedIntoId is not { } targetId)
        {
            throw IdentityErrors.NotMerged.ToException();
        }

        source.MergedIntoId = null;
        source.MergedAtMs = null;
        store.Record(source, $"unmerged from {targetId:N}");
        outbox.Enqueue(store.Db, new IdentityUnmerged(Guid.NewGuid(), caller.Organisation, source.Id, targetId, clock.GetUtcNow()));
        await store.SaveAsync(cancellationToken);
        await audit.RecordAsync("identity.unmerge", source, cancellationToken);
        return Outcome($"Patient/{source.Id:N} is active again (was merged into Patient/{targetId:N}).", source);
    }

    private static Guid PatientId(ParametersReader input, string name)
    {
        var reference = input.Reference(name)?.ReferenceValue ?? throw TraitValidation.Missing(name);
        var id = reference.StartsWith("Patient/", StringComparison.Ordinal) ? reference["Patient/".Length..] : null;
        return id is not null && Guid.TryParseExact(id, "N", out var guid)
            ? guid
            : throw IdentityErrors.InvalidIdentifier.WithMessage($"{name} must reference a Patient as 'Patient/{{id}}'.").ToException();
    }

    private static async Task<LocalIdentity> LoadAsync(LocalIdentityStore store, Guid id, ICallerContext caller, CancellationToken cancellationToken)
    {
        var identity = await store.Db.LocalIdentities.SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw IdentityErrors.PatientNotFound.WithMessage($"Patient/{id:N} does not exist.").ToException();
        return identity.Organisation == caller.Organisation ? identity : throw IdentityErrors.MergeAcrossOrganisations.ToException();
    }

    private static FhirResult Outcome(string message, LocalIdentity result) => new(new Parameters
    {
        Parameter =
        [
            new ParametersParameter { Name = "outcome", Resource = OperationOutcomes.Information(message) },
            new ParametersParameter { Name = "result", Resource = PatientMapper.FromLocal(result) },
        ],
    });
}
