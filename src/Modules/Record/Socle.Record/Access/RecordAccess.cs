using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Socle.Identity.Contracts;
using Socle.Record.Storage;

namespace Socle.Record.Access;

/// <summary>
/// Resolves who calls and which record a request is about, and computes the caller's standing in it
/// (care team, médecin traitant, blocked, break-the-glass). The decisions themselves are <see cref="AccessPolicy"/>'s.
/// </summary>
internal sealed class RecordAccess(
    RecordDbContext db, RecordLookups lookups, ICallerContext caller, IPatientIdentities identities, TimeProvider clock, IOptions<RecordOptions> options)
{
    private const int MajorityAge = 18;
    private readonly Dictionary<Guid, ProfessionalFacts> standingFacts = [];
    private RecordCaller? resolved;

    public async Task<RecordCaller> CallerAsync(CancellationToken cancellationToken)
    {
        if (resolved is not null)
        {
            return resolved;
        }

        if (caller.PersonId is null)
        {
            throw RecordErrors.PersonRequired.ToException();
        }

        if (caller.Claim(SocleClaims.PatientId) is { } patientId)
        {
            var identity = Guid.TryParseExact(patientId, "N", out var id) ? await identities.FindAsync(id, cancellationToken) : null;
            if (identity?.Ins is null || identity.Status != "QUAL")
            {
                throw RecordErrors.NotQualified.WithMessage("Your account's identity is not qualified: the record is not reachable.").ToException();
            }

            return resolved = new RecordCaller(new AccessCaller(CallerKind.Patient, null, null), identity.Ins, false);
        }

        var idNat = caller.Claim("idnat") ?? caller.PersonId;
        var profession = caller.Claim("profession") ?? throw RecordErrors.NoActivity.ToException();
        return resolved = new RecordCaller(
            new AccessCaller(CallerKind.Professional, idNat, profession, caller.Claim("specialty"), caller.Claim("pharmacist_section")),
            null,
            caller.Claim("auth_mode") == "indirect");
    }

    /// <summary>The INS a reference designates; only a qualified identity (or a survivor linked to a record by a merge) has one.</summary>
    public async Task<(string Ins, PatientRecord? Record)> ResolveAsync(PatientReference reference, CancellationToken cancellationToken)
    {
        try
        {
            return await DesignatedAsync(reference, cancellationToken);
        }
        catch (DomainException) when (resolved is { IsProfessional: false })
        {
            // A patient reaches their own record or a represented minor's, both qualified: any other answer would tell
            // them whether someone else's INS or identity is known here.
            throw RecordErrors.OwnRecordOnly.ToException();
        }
    }

    private async Task<(string Ins, PatientRecord? Record)> DesignatedAsync(PatientReference reference, CancellationToken cancellationToken)
    {
        if (reference.Ins is { } ins)
        {
            var record = await LoadByInsAsync(ins);
            if (record is null && (await identities.FindQualifiedByInsAsync(ins, cancellationToken)).Count == 0)
            {
                throw RecordErrors.NotQualified.WithMessage("No qualified identity carries this INS: a record is kept only for a qualified INS.").ToException();
            }

            return (ins, record);
        }

        var local = reference.LocalPatientId!.Value;
        var link = await db.PatientLinks.AsNoTracking().SingleOrDefaultAsync(l => l.PatientId == local, cancellationToken);
        if (link is not null)
        {
            var linked = await RecordAsync(link.RecordId);
            return (linked.Ins, linked);
        }

        var identity = await identities.FindAsync(local, cancellationToken)
            ?? throw RecordErrors.RecordNotFound.WithMessage($"Patient/{local:N} is not an identity Socle knows.").ToException();
        if (identity.Ins is null || identity.Status != "QUAL")
        {
            throw RecordErrors.NotQualified.WithMessage($"Patient/{local:N} is not a qualified identity (status {identity.Status}).").ToException();
        }

        return (identity.Ins, await LoadByInsAsync(identity.Ins));
    }

    /// <summary>The record and the caller's standing; a record not created yet stands for an empty one.</summary>
    public async Task<RecordScope> ScopeAsync(PatientReference reference, CancellationToken cancellationToken)
    {
        var who = await CallerAsync(cancellationToken);
        var (ins, record) = await ResolveAsync(reference, cancellationToken);
        record ??= new PatientRecord { Id = Guid.Empty, Ins = ins };
        return await StandingAsync(who, record, cancellationToken);
    }

    public async Task<RecordScope> StandingAsync(RecordCaller who, PatientRecord record, CancellationToken cancellationToken)
    {
        var closed = record.ClosedAtMs is not null;
        if (!who.IsProfessional)
        {
            if (record.Ins == who.Ins)
            {
                return new RecordScope(record, who, new RecordStanding(closed, record.EmergencyAccessForbidden, false, false, false, false));
            }

            var represents = record.Id != Guid.Empty
                && IsMinor(record)
                && await db.Representatives.AnyAsync(r => r.RecordId == record.Id && r.RepresentativeIns == who.Ins, cancellationToken);
            return represents
                ? new RecordScope(record, who with { Access = who.Access with { Kind = CallerKind.Representative } }, new RecordStanding(closed, record.EmergencyAccessForbidden, false, false, false, false))
                : throw RecordErrors.OwnRecordOnly.ToException();
        }

        var idNat = who.IdNat!;
        var unsaved = record.Id == Guid.Empty || db.Entry(record).State == EntityState.Added;
        if (!unsaved && !standingFacts.ContainsKey(record.Id))
        {
            await WithFactsAsync(lookups.ByIdWithFacts(db, record.Id, idNat, Now));
        }

        var facts = unsaved ? new ProfessionalFacts(null, false) : standingFacts[record.Id];
        return new RecordScope(record, who, new RecordStanding(
            closed,
            record.EmergencyAccessForbidden,
            facts.MemberStatus == MemberStatuses.Blocked,
            facts.MemberStatus == MemberStatuses.Authorised,
            record.MedecinTraitant == idNat,
            facts.Emergency));
    }

    /// <summary>A record by its id (a document's record).</summary>
    public async Task<PatientRecord> RecordAsync(Guid id) =>
        await LoadByIdAsync(id) ?? throw RecordErrors.RecordNotFound.ToException();

    /// <summary>Gets or creates the record of a qualified INS (deposits and authorisations open it).</summary>
    public async Task<PatientRecord> OpenAsync(string ins, CancellationToken cancellationToken)
    {
        var record = db.Records.Local.FirstOrDefault(r => r.Ins == ins) ?? await LoadByInsAsync(ins);
        if (record is not null)
        {
            return record;
        }

        var identity = (await identities.FindQualifiedByInsAsync(ins, cancellationToken)).FirstOrDefault()
            ?? throw RecordErrors.NotQualified.WithMessage("No qualified identity carries this INS: a record is kept only for a qualified INS.").ToException();
        record = new PatientRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Ins = ins,
            InsOid = identity.InsOid ?? "1.2.250.1.213.1.4.8",
            BirthDate = identity.BirthDate,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Records.Add(record);
        return record;
    }

    public bool MayReopen(PatientRecord record) =>
        record.ClosedAtMs is { } closed && clock.GetUtcNow().ToUnixTimeMilliseconds() - closed < options.Value.RetentionDays * 86_400_000L;

    /// <summary>Under 18 today: legal representatives reach the record of a minor only.</summary>
    public bool IsMinor(PatientRecord record)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return record.BirthDate.AddYears(MajorityAge) > today;
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Loads a record; for a professional caller, in the same query, their membership and any running emergency access,
    /// which <see cref="StandingAsync"/> needs next (one round trip instead of three on every request).
    /// </summary>
    private Task<PatientRecord?> LoadByInsAsync(string ins) =>
        resolved is { IsProfessional: true } who ? WithFactsAsync(lookups.ByInsWithFacts(db, ins, who.IdNat!, Now)) : lookups.ByIns(db, ins);

    private Task<PatientRecord?> LoadByIdAsync(Guid id) =>
        resolved is { IsProfessional: true } who ? WithFactsAsync(lookups.ByIdWithFacts(db, id, who.IdNat!, Now)) : lookups.ById(db, id);

    private async Task<PatientRecord?> WithFactsAsync(Task<RecordWithFacts?> query)
    {
        var row = await query;
        if (row is not null)
        {
            standingFacts[row.Record.Id] = new ProfessionalFacts(row.Member, row.Emergency);
        }

        return row?.Record;
    }

    private sealed record ProfessionalFacts(string? MemberStatus, bool Emergency);
}
