using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Connect.Contracts;
using Socle.Directory.Contracts;
using Socle.Record.Access;
using Socle.Record.Storage;

namespace Socle.Record.Features;

/// <summary>
/// The record-level operations: a professional joins the care team ($add-authorisation, DMP TD0.3) or breaks the glass;
/// the patient manages their record ($record-settings: block, médecin traitant, emergency access, close, reopen).
/// The patient is named by <c>patient</c> (Patient/{id}) or <c>patient-identifier</c> (the INS).
/// </summary>
internal static class RecordOperationsEndpoints
{
    /// <summary>TRE_G15 Médecin: a médecin traitant is a doctor.</summary>
    private const string DoctorProfession = "10";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/fhir/$add-authorisation", AddAuthorisationAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("AddAuthorisation")
            .WithSummary("Join the patient's care team at the point of care (the patient is informed)");
        routes.MapPost("/fhir/$break-the-glass", BreakTheGlassAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("BreakTheGlass")
            .WithSummary("Emergency access to the non-masked documents for a limited time, with a reason");
        routes.MapPost("/fhir/$record-settings", SettingsAsync)
            .RequireScope(RecordScopes.Write)
            .WithName("RecordSettings")
            .WithSummary("The patient's own settings: block or unblock professionals, médecin traitant, emergency access, close or reopen");
    }

    private static async Task<IResult> AddAuthorisationAsync(HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, TimeProvider clock)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "patient", "patient-identifier");
        var scope = await OpenScopeAsync(input, access, cancellationToken);
        await traces.EnsureAsync(scope, "authorise", AccessPolicy.Authorise(scope.Access, scope.Standing));
        var idNat = scope.Access.IdNat!;
        var member = await db.Members.SingleOrDefaultAsync(m => m.RecordId == scope.Record.Id && m.IdNat == idNat, cancellationToken);
        if (member is null)
        {
            db.Members.Add(new RecordMember { RecordId = scope.Record.Id, IdNat = idNat, Status = MemberStatuses.Authorised, UpdatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await traces.TraceAsync(scope, "authorise", "Record", scope.Record.Id);
        return new FhirResult(OperationOutcomes.Information($"{idNat} is in the care team of this record."));
    }

    private static async Task<IResult> BreakTheGlassAsync(
        HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, TimeProvider clock, IOptions<RecordOptions> options, IPatientMessaging messaging)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var input = new ParametersReader(await FhirRequest.ReadAsync<Parameters>(request), "patient", "patient-identifier", "reason");
        var reason = input.Text("reason")?.Trim();
        if (reason is null || reason.Length < 10 || reason.Length > 500)
        {
            throw RecordErrors.InvalidParameter.WithMessage("'reason' is required: say why this is an emergency (10 to 500 characters).").ToException();
        }

        var scope = await ScopeAsync(input, access, cancellationToken);
        if (scope.Record.Id == Guid.Empty)
        {
            throw RecordErrors.RecordNotFound.WithMessage("This patient has no record yet: there is nothing to access.").ToException();
        }

        await traces.EnsureAsync(scope, "break-the-glass", AccessPolicy.BreakTheGlass(scope.Access, scope.Standing));
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.Value.BreakTheGlassMinutes);
        var grant = new EmergencyAccess
        {
            Id = Guid.CreateVersion7(now),
            RecordId = scope.Record.Id,
            IdNat = scope.Access.IdNat!,
            Reason = reason,
            StartedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = expires.ToUnixTimeMilliseconds(),
        };
        db.EmergencyAccesses.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        await traces.TraceAsync(scope with { Standing = scope.Standing with { BreakTheGlass = true } }, "break-the-glass", "Record", grant.Id);
        await messaging.NotifyAsync(
            scope.Record.Ins,
            "Accès en urgence à votre dossier médical",
            $"Le professionnel {scope.Access.IdNat} a accédé en urgence (bris de glace) à votre dossier médical partagé le {now:dd/MM/yyyy à HH:mm} (UTC). Motif déclaré : {reason}. L'accès est visible dans l'historique de votre dossier.",
            cancellationToken);

        return new FhirResult(new Parameters
        {
            Parameter =
            [
                new ParametersParameter { Name = "expires", ValueString = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                new ParametersParameter { Name = "outcome", Resource = OperationOutcomes.Information("Emergency access granted to the documents that are not masked; the patient is notified.") },
            ],
        });
    }

    private static async Task<IResult> SettingsAsync(HttpRequest request, RecordDbContext db, RecordAccess access, RecordTraces traces, IDirectory directory, TimeProvider clock)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var parameters = await FhirRequest.ReadAsync<Parameters>(request);
        var allowed = new[] { "patient", "patient-identifier", "block", "unblock", "medecin-traitant", "emergency-access", "close", "reopen" };
        var unknown = (parameters.Parameter ?? []).FirstOrDefault(p => !allowed.Contains(p.Name));
        if (unknown is not null)
        {
            throw RecordErrors.InvalidParameter.WithMessage($"Unknown parameter '{unknown.Name}'; supported: {string.Join(", ", allowed)}.").ToException();
        }

        var patient = new ParametersReader((parameters.Parameter ?? []).Where(p => p.Name is "patient" or "patient-identifier"), "patient", "patient-identifier");
        var scope = await OpenScopeAsync(patient, access, cancellationToken);
        if (scope.Access.IsProfessional)
        {
            await traces.EnsureAsync(scope, "settings", RecordErrors.NotYourRight.WithMessage("Only the patient (or a legal representative) manages the record's settings."));
        }

        var record = scope.Record;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var changes = new List<string>();
        foreach (var parameter in parameters.Parameter!.Where(p => p.Name is not ("patient" or "patient-identifier")))
        {
            switch (parameter.Name)
            {
                case "reopen" when parameter.ValueBoolean == true:
                    if (!access.MayReopen(record))
                    {
                        throw RecordErrors.WrongState.WithMessage("The record is open, or its retention period is over.").ToException();
                    }

                    record.ClosedAtMs = null;
                    changes.Add("reopen");
                    continue;
                case "close" when parameter.ValueBoolean == true:
                    record.ClosedAtMs ??= now;
                    changes.Add("close");
                    continue;
            }

            if (record.ClosedAtMs is not null)
            {
                throw RecordErrors.RecordClosed.ToException();
            }

            switch (parameter.Name)
            {
                case "block" or "unblock":
                    // A block lifted after the professional left the directory is still found by the identifier it was stored under.
                    var idNat = (await NamedProfessionalAsync(directory, parameter, cancellationToken, mayBeGone: parameter.Name == "unblock")).IdNat;
                    var member = await db.Members.SingleOrDefaultAsync(m => m.RecordId == record.Id && m.IdNat == idNat, cancellationToken);
                    if (parameter.Name == "block")
                    {
                        if (member is null)
                        {
                            db.Members.Add(new RecordMember { RecordId = record.Id, IdNat = idNat, Status = MemberStatuses.Blocked, UpdatedAtMs = now });
                        }
                        else
                        {
                            member.Status = MemberStatuses.Blocked;
                            member.UpdatedAtMs = now;
                        }
                    }
                    else if (member is not null)
                    {
                        db.Members.Remove(member); // unblocking does not put the professional back in the care team
                    }

                    changes.Add($"{parameter.Name}={idNat}");
                    break;
                case "medecin-traitant":
                    record.MedecinTraitant = string.IsNullOrWhiteSpace(parameter.ValueString) ? null : (await DoctorAsync(directory, parameter, cancellationToken)).IdNat;
                    changes.Add($"medecin-traitant={record.MedecinTraitant}");
                    break;
                case "emergency-access":
                    record.EmergencyAccessForbidden = parameter.ValueBoolean is { } allowedEmergency
                        ? !allowedEmergency
                        : throw RecordErrors.InvalidParameter.WithMessage("'emergency-access' is a valueBoolean.").ToException();
                    changes.Add($"emergency-access={!record.EmergencyAccessForbidden}");
                    break;
                default:
                    throw RecordErrors.InvalidParameter.WithMessage($"'{parameter.Name}' is a valueBoolean true.").ToException();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await traces.TraceAsync(scope, "settings", "Record", record.Id, string.Join(',', changes));
        var settings = new List<ParametersParameter>
        {
            new() { Name = "closed", ValueBoolean = record.ClosedAtMs is not null },
            new() { Name = "emergency-access", ValueBoolean = !record.EmergencyAccessForbidden },
        };
        if (record.MedecinTraitant is not null)
        {
            settings.Add(new ParametersParameter { Name = "medecin-traitant", ValueString = record.MedecinTraitant });
        }

        settings.AddRange((await db.Members.AsNoTracking().Where(m => m.RecordId == record.Id && m.Status == MemberStatuses.Blocked).Select(m => m.IdNat).ToListAsync(cancellationToken))
            .Select(b => new ParametersParameter { Name = "blocked", ValueString = b }));
        return new FhirResult(new Parameters { Parameter = settings });
    }

    /// <summary>
    /// The professional the patient names by IdNat_PS or RPPS, as the directory knows them: the rules compare the
    /// IdNat_PS of the token, so an RPPS or a typo stored as typed would block nobody, or trust nobody.
    /// </summary>
    private static async Task<(string IdNat, Professional? Known)> NamedProfessionalAsync(
        IDirectory directory, ParametersParameter parameter, CancellationToken cancellationToken, bool mayBeGone = false)
    {
        var given = parameter.ValueString?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            throw RecordErrors.InvalidParameter.WithMessage($"'{parameter.Name}' is the professional's IdNat_PS (or RPPS number) as valueString.").ToException();
        }

        if (await directory.FindProfessionalAsync(given, cancellationToken) is { } known)
        {
            return (known.IdNat, known);
        }

        return mayBeGone ? (given, null)
            : throw RecordErrors.InvalidParameter.WithMessage($"'{parameter.Name}': no professional of the directory has the identifier {given}.").ToException();
    }

    private static async Task<Professional> DoctorAsync(IDirectory directory, ParametersParameter parameter, CancellationToken cancellationToken)
    {
        var (_, professional) = await NamedProfessionalAsync(directory, parameter, cancellationToken);
        return professional!.Activities.Any(a => a.Profession.Code == DoctorProfession)
            ? professional
            : throw RecordErrors.InvalidParameter.WithMessage($"'{parameter.Name}': {professional.IdNat} is not a doctor in the directory; a médecin traitant is.").ToException();
    }

    private static PatientReference Patient(ParametersReader input) =>
        (input.Reference("patient"), input.Identifier("patient-identifier")) switch
        {
            ({ } reference, null) => PatientReference.FromReference(reference, "patient"),
            (null, { } identifier) => PatientReference.FromToken($"{identifier.System}|{identifier.Value}", "patient-identifier"),
            _ => throw RecordErrors.InvalidParameter.WithMessage("Name the patient with either 'patient' (valueReference) or 'patient-identifier' (valueIdentifier, the INS).").ToException(),
        };

    private static Task<RecordScope> ScopeAsync(ParametersReader input, RecordAccess access, CancellationToken cancellationToken) =>
        access.ScopeAsync(Patient(input), cancellationToken);

    /// <summary>The scope on the record, created if the INS has none yet (an authorisation or settings open it).</summary>
    private static async Task<RecordScope> OpenScopeAsync(ParametersReader input, RecordAccess access, CancellationToken cancellationToken)
    {
        var who = await access.CallerAsync(cancellationToken);
        var (ins, _) = await access.ResolveAsync(Patient(input), cancellationToken);
        return await access.StandingAsync(who, await access.OpenAsync(ins, cancellationToken), cancellationToken);
    }
}
