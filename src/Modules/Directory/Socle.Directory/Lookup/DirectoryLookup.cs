using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Lookup;

/// <summary>
/// The <see cref="IDirectory"/> contract: reads the current snapshot and caches the answers (found or not) until
/// the next snapshot is published. The database stays the only source of truth.
/// </summary>
internal sealed class DirectoryLookup(DirectoryDbContext db, DirectoryLookupCache cache, DirectorySnapshot snapshot) : IDirectory
{
    public Task<Professional?> FindProfessionalAsync(string idNatOrRpps, CancellationToken cancellationToken)
    {
        var idNat = ProfessionalIds.ToIdNat(idNatOrRpps.Trim());
        return cache.GetOrLoadAsync("pp:" + idNat, snapshot, () => LoadProfessionalAsync(idNat, cancellationToken));
    }

    public Task<Structure?> FindStructureByFinessAsync(string finess, CancellationToken cancellationToken)
    {
        var number = finess.Trim();
        return cache.GetOrLoadAsync("finess:" + number, snapshot, async () =>
        {
            var rows = await db.Structures.AsNoTracking()
                .Where(x => x.ValidTo == null && (x.FinessSite == number || x.FinessLegal == number))
                .OrderBy(x => x.Id).Take(20).ToListAsync(cancellationToken);
            var row = rows.FirstOrDefault(x => x.FinessSite == number) ?? rows.FirstOrDefault();
            return row is null ? null : DirectoryMapping.ToStructure(row);
        });
    }

    public Task<Mailbox?> ResolveMailboxAsync(string address, CancellationToken cancellationToken)
    {
        var key = MailboxAddress.Key(address.Trim());
        return cache.GetOrLoadAsync("bal:" + key, snapshot, async () =>
        {
            var row = await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(x => x.Key == key && x.ValidTo == null, cancellationToken);
            return row is null ? null : DirectoryMapping.ToMailbox(row);
        });
    }

    private async Task<Professional?> LoadProfessionalAsync(string idNat, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Key == idNat && x.ValidTo == null, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var activities = await db.Activities.AsNoTracking().Where(x => x.IdNat == idNat && x.ValidTo == null).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        var structureKeys = activities.Where(a => a.StructureKey != null).Select(a => a.StructureKey!).Distinct().ToList();
        var structures = await db.Structures.AsNoTracking().Where(x => structureKeys.Contains(x.Key) && x.ValidTo == null).ToDictionaryAsync(x => x.Key, cancellationToken);
        var specialties = await db.Specialties.AsNoTracking().Where(x => x.IdNat == idNat && x.ValidTo == null).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(x => x.IdNatPs == idNat && x.ValidTo == null && x.RedList != "1").OrderBy(x => x.Id)
            .Select(x => x.Address!).ToListAsync(cancellationToken);
        return DirectoryMapping.ToProfessional(person, activities, structures, specialties, mailboxes);
    }
}

/// <summary>The process-wide cache of <see cref="DirectoryLookup"/>, bounded in entries.</summary>
internal sealed class DirectoryLookupCache : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public async Task<T?> GetOrLoadAsync<T>(string key, DirectorySnapshot snapshot, Func<Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out Holder<T>? held))
        {
            return held!.Value;
        }

        // Take the token before reading, so that an import committed during the read expires this entry.
        var token = snapshot.ChangeToken;
        var value = await load();
        cache.Set(key, new Holder<T>(value), new MemoryCacheEntryOptions { Size = 1 }.AddExpirationToken(token));
        return value;
    }

    public void Dispose() => cache.Dispose();

    private sealed record Holder<T>(T? Value);
}
