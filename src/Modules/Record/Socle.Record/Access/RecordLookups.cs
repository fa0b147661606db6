using Microsoft.EntityFrameworkCore;
using Socle.Record.Storage;

namespace Socle.Record.Access;

/// <summary>
/// The record lookups every request of the module starts with, compiled once: built per call, the projection of the
/// record with the caller's membership and emergency access cost more CPU than the query itself (expression tree, query
/// cache key, parameter extraction: about 9 % of the machine in a profile of ITI-65 deposits). One instance per host (a
/// singleton), as Identity's ReferenceQueries: a compiled query serves the model it first ran on, and a test process runs
/// hosts on SQLite and on PostgreSQL side by side.
/// </summary>
internal sealed class RecordLookups
{
    public Func<RecordDbContext, string, Task<PatientRecord?>> ByIns { get; } =
        EF.CompileAsyncQuery((RecordDbContext db, string ins) => db.Records.Where(r => r.Ins == ins).SingleOrDefault());

    public Func<RecordDbContext, Guid, Task<PatientRecord?>> ById { get; } =
        EF.CompileAsyncQuery((RecordDbContext db, Guid id) => db.Records.Where(r => r.Id == id).SingleOrDefault());

    /// <summary>The record of an INS with, in the same round trip, a professional's membership and running emergency access.</summary>
    public Func<RecordDbContext, string, string, long, Task<RecordWithFacts?>> ByInsWithFacts { get; } =
        EF.CompileAsyncQuery((RecordDbContext db, string ins, string idNat, long now) => db.Records.Where(r => r.Ins == ins).Select(r => new RecordWithFacts
        {
            Record = r,
            Member = db.Members.Where(m => m.RecordId == r.Id && m.IdNat == idNat).Select(m => m.Status).FirstOrDefault(),
            Emergency = db.EmergencyAccesses.Any(e => e.RecordId == r.Id && e.IdNat == idNat && e.ExpiresAtMs > now),
        }).SingleOrDefault());

    /// <summary>As <see cref="ByInsWithFacts"/>, by the record's id.</summary>
    public Func<RecordDbContext, Guid, string, long, Task<RecordWithFacts?>> ByIdWithFacts { get; } =
        EF.CompileAsyncQuery((RecordDbContext db, Guid id, string idNat, long now) => db.Records.Where(r => r.Id == id).Select(r => new RecordWithFacts
        {
            Record = r,
            Member = db.Members.Where(m => m.RecordId == r.Id && m.IdNat == idNat).Select(m => m.Status).FirstOrDefault(),
            Emergency = db.EmergencyAccesses.Any(e => e.RecordId == r.Id && e.IdNat == idNat && e.ExpiresAtMs > now),
        }).SingleOrDefault());
}

/// <summary>A record and what a professional's standing in it needs: their membership status and a running emergency access.</summary>
internal sealed class RecordWithFacts
{
    public required PatientRecord Record { get; init; }

    public string? Member { get; init; }

    public bool Emergency { get; init; }
}
