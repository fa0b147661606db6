using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Local;

namespace Socle.Identity.Storage;

using CountQuery = Func<IdentityDbContext, string, Guid, string, string, Gender, DateOnly, DateOnly, string, string, string, string, string, string, string, int, Task<int>>;
using CountQueryExpression = Expression<Func<IdentityDbContext, string, Guid, string, string, Gender, DateOnly, DateOnly, string, string, string, string, string, string, string, int, int>>;
using PageQuery = Func<IdentityDbContext, string, Guid, string, string, Gender, DateOnly, DateOnly, string, string, string, string, string, string, string, int, IAsyncEnumerable<LocalIdentity>>;
using PageQueryExpression = Expression<Func<IdentityDbContext, string, Guid, string, string, Gender, DateOnly, DateOnly, string, string, string, string, string, string, string, int, IQueryable<LocalIdentity>>>;

/// <summary>The filters a PDQm search uses; together they are the search's shape.</summary>
[Flags]
internal enum PatientSearchFilters
{
    None = 0,
    Id = 1,
    NoMatch = 1 << 1,
    Given = 1 << 2,
    Gender = 1 << 3,
    BirthDate = 1 << 4,
    PostalCode = 1 << 5,
    Active = 1 << 6,
    Inactive = 1 << 7,
    Ins = 1 << 8,
    Ipp = 1 << 9,
    IppInSystem = 1 << 10,
    Family = 1 << 11,
}

/// <summary>The values of a PDQm search, normalised; only those of the search's filters are read.</summary>
internal sealed class PatientSearchArgs
{
    public required string Organisation { get; init; }

    public Guid Id { get; set; }

    public string GivenKey { get; set; } = string.Empty;

    /// <summary>The given key after a space: a later given name starts with it.</summary>
    public string GivenInner { get; set; } = string.Empty;

    public Gender Gender { get; set; }

    public DateOnly BirthFrom { get; set; }

    public DateOnly BirthTo { get; set; }

    public string PostalPrefix { get; set; } = string.Empty;

    public string Ins { get; set; } = string.Empty;

    public string InsOid { get; set; } = string.Empty;

    public string IppSystem { get; set; } = string.Empty;

    public string Ipp { get; set; } = string.Empty;

    public string FamilyKey { get; set; } = string.Empty;

    /// <summary>The smallest key above every key that starts with <see cref="FamilyKey"/>.</summary>
    public string FamilyUpper { get; set; } = string.Empty;

    /// <summary>How many rows a branch reads: the page, what comes before it, and one to tell whether a next page exists.</summary>
    public int Window { get; set; }
}

/// <summary>
/// PDQm searches compiled once per shape (the set of filters used) instead of being rebuilt as LINQ, funcletized and
/// looked up in EF's query cache on every search (a fifth of a search's CPU under load). With a family name a search has
/// two branches, the birth name and the used name, each walking its own index in the result order. One instance per
/// host, for the reason given on <see cref="ReferenceQueries"/>.
/// </summary>
internal sealed class PatientSearchQueries
{
    private static readonly Expression<Func<IdentityDbContext, PatientSearchArgs, IQueryable<LocalIdentity>>> Source =
        (db, a) => db.LocalIdentities.AsNoTracking().Where(x => x.Organisation == a.Organisation);

    private static readonly Expression<Func<IQueryable<LocalIdentity>, PatientSearchArgs, IQueryable<LocalIdentity>>> Page =
        (q, a) => q.OrderBy(x => x.FamilyKey).ThenBy(x => x.GivenKey).ThenBy(x => x.BirthDate).ThenBy(x => x.Id).Take(a.Window);

    private static readonly Expression<Func<IQueryable<LocalIdentity>, PatientSearchArgs, int>> Count = (q, a) => q.Count();

    // Range predicates on the family keys, not LIKE or OR, so that each branch seeks its index.
    private static readonly (PatientSearchFilters Filter, Expression<Func<LocalIdentity, PatientSearchArgs, bool>> Predicate)[] Predicates =
    [
        (PatientSearchFilters.Id, (x, a) => x.Id == a.Id),
        (PatientSearchFilters.NoMatch, (x, a) => false),
        (PatientSearchFilters.Given, (x, a) => x.GivenKey.StartsWith(a.GivenKey) || x.GivenKey.Contains(a.GivenInner)),
        (PatientSearchFilters.Gender, (x, a) => x.Gender == a.Gender),
        (PatientSearchFilters.BirthDate, (x, a) => x.BirthDate >= a.BirthFrom && x.BirthDate <= a.BirthTo),
        (PatientSearchFilters.PostalCode, (x, a) => x.PostalCode != null && x.PostalCode.StartsWith(a.PostalPrefix)),
        (PatientSearchFilters.Active, (x, a) => x.MergedIntoId == null),
        (PatientSearchFilters.Inactive, (x, a) => x.MergedIntoId != null),

        // An INS finds only qualified identities: searching must not reveal an INS Socle may not share.
        (PatientSearchFilters.Ins, (x, a) => x.Ins == a.Ins && x.InsOid == a.InsOid && x.StatusCode == "QUAL"),
        (PatientSearchFilters.Ipp, (x, a) => x.Ipp == a.Ipp),
        (PatientSearchFilters.IppInSystem, (x, a) => x.IppSystem == a.IppSystem && x.Ipp == a.Ipp),
    ];

    private static readonly Expression<Func<LocalIdentity, PatientSearchArgs, bool>> BirthName =
        (x, a) => string.Compare(x.FamilyKey, a.FamilyKey) >= 0 && string.Compare(x.FamilyKey, a.FamilyUpper) < 0;

    /// <summary>
    /// The same range on an expression instead of the column: no index seeks it, so a narrow birth date range leads. The
    /// family index is ordered as the page is, so planners prefer it; but a common family name spans thousands of rows
    /// (4,254 for one name among 1,000,000 identities), and one birth date about thirty.
    /// </summary>
    private static readonly Expression<Func<LocalIdentity, PatientSearchArgs, bool>> BirthNameNotLeading =
        (x, a) => string.Compare(x.FamilyKey + "", a.FamilyKey) >= 0 && string.Compare(x.FamilyKey + "", a.FamilyUpper) < 0;

    private static readonly Expression<Func<LocalIdentity, PatientSearchArgs, bool>> UsedNameOnly =
        (x, a) => x.UsedFamilyKey != null && string.Compare(x.UsedFamilyKey, a.FamilyKey) >= 0 && string.Compare(x.UsedFamilyKey, a.FamilyUpper) < 0
            && !(string.Compare(x.FamilyKey, a.FamilyKey) >= 0 && string.Compare(x.FamilyKey, a.FamilyUpper) < 0);

    /// <summary>The members of <see cref="PatientSearchArgs"/>, in the order of the compiled queries' parameters (and of <see cref="Run"/>).</summary>
    private static readonly System.Reflection.PropertyInfo[] ArgsMembers =
        [.. new[]
        {
            nameof(PatientSearchArgs.Organisation), nameof(PatientSearchArgs.Id), nameof(PatientSearchArgs.GivenKey), nameof(PatientSearchArgs.GivenInner),
            nameof(PatientSearchArgs.Gender), nameof(PatientSearchArgs.BirthFrom), nameof(PatientSearchArgs.BirthTo), nameof(PatientSearchArgs.PostalPrefix),
            nameof(PatientSearchArgs.Ins), nameof(PatientSearchArgs.InsOid), nameof(PatientSearchArgs.IppSystem), nameof(PatientSearchArgs.Ipp),
            nameof(PatientSearchArgs.FamilyKey), nameof(PatientSearchArgs.FamilyUpper), nameof(PatientSearchArgs.Window),
        }.Select(name => typeof(PatientSearchArgs).GetProperty(name)!)];

    /// <summary>Up to a month of birth dates, the birth date leads a search that also has a family name (<see cref="BirthNameNotLeading"/>).</summary>
    private const int NarrowBirthRangeDays = 31;

    private readonly ConcurrentDictionary<(PatientSearchFilters, bool, bool), PageQuery> pages = new();
    private readonly ConcurrentDictionary<(PatientSearchFilters, bool, bool), CountQuery> counts = new();

    /// <summary>The first <see cref="PatientSearchArgs.Window"/> matches in result order; by used name, those not found by birth name.</summary>
    public IAsyncEnumerable<LocalIdentity> PageAsync(IdentityDbContext db, PatientSearchFilters shape, bool byUsedName, PatientSearchArgs args) =>
        Run(pages.GetOrAdd((shape, byUsedName, BirthDateLeads(shape, byUsedName, args)), key => EF.CompileAsyncQuery(Build<PageQueryExpression, IQueryable<LocalIdentity>>(key, Page))), db, args);

    public Task<int> CountAsync(IdentityDbContext db, PatientSearchFilters shape, bool byUsedName, PatientSearchArgs args) =>
        Run(counts.GetOrAdd((shape, byUsedName, BirthDateLeads(shape, byUsedName, args)), key => EF.CompileAsyncQuery(Build<CountQueryExpression, int>(key, Count))), db, args);

    /// <summary>Only the birth-name branch has a variant: the used-name branch seeks its own, nearly empty, index.</summary>
    private static bool BirthDateLeads(PatientSearchFilters shape, bool byUsedName, PatientSearchArgs args) =>
        !byUsedName && shape.HasFlag(PatientSearchFilters.Family) && shape.HasFlag(PatientSearchFilters.BirthDate)
        && args.BirthTo.DayNumber - args.BirthFrom.DayNumber < NarrowBirthRangeDays;

    /// <summary>Runs a compiled search with the values in the order of <see cref="ArgsMembers"/>.</summary>
    private static T Run<T>(
        Func<IdentityDbContext, string, Guid, string, string, Gender, DateOnly, DateOnly, string, string, string, string, string, string, string, int, T> query,
        IdentityDbContext db,
        PatientSearchArgs a) =>
        query(db, a.Organisation, a.Id, a.GivenKey, a.GivenInner, a.Gender, a.BirthFrom, a.BirthTo, a.PostalPrefix, a.Ins, a.InsOid, a.IppSystem, a.Ipp,
            a.FamilyKey, a.FamilyUpper, a.Window);

    /// <summary>
    /// The source, one Where per filter of the shape, then <paramref name="finish"/>, as one lambda over the context and each
    /// value of <see cref="PatientSearchArgs"/> as a parameter of its own: EF parameterises a compiled query's arguments, not
    /// the members of an object passed to it.
    /// </summary>
    private static TLambda Build<TLambda, T>((PatientSearchFilters Shape, bool ByUsedName, bool BirthDateLeads) key, Expression<Func<IQueryable<LocalIdentity>, PatientSearchArgs, T>> finish)
        where TLambda : LambdaExpression
    {
        var (shape, byUsedName, birthDateLeads) = key;
        var db = Expression.Parameter(typeof(IdentityDbContext), "db");
        var values = ArgsMembers.Select(m => Expression.Parameter(m.PropertyType, m.Name)).ToArray();
        var query = Substitute(Source.Body, Source.Parameters[1], values, (Source.Parameters[0], db));
        var predicates = Predicates.Where(p => shape.HasFlag(p.Filter)).Select(p => p.Predicate);
        if (shape.HasFlag(PatientSearchFilters.Family))
        {
            predicates = predicates.Append(byUsedName ? UsedNameOnly : birthDateLeads ? BirthNameNotLeading : BirthName);
        }

        foreach (var predicate in predicates)
        {
            var filter = Expression.Lambda<Func<LocalIdentity, bool>>(Substitute(predicate.Body, predicate.Parameters[1], values), predicate.Parameters[0]);
            query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(LocalIdentity)], query, Expression.Quote(filter));
        }

        var body = Substitute(finish.Body, finish.Parameters[1], values, (finish.Parameters[0], query));
        return (TLambda)Expression.Lambda(typeof(TLambda).GetGenericArguments()[0], body, [db, .. values]);
    }

    /// <summary>Replaces <c>a.Member</c> by the parameter of that member, and the other parameters as given.</summary>
    private static Expression Substitute(
        Expression body, ParameterExpression args, ParameterExpression[] values, params (ParameterExpression From, Expression To)[] replacements) =>
        new ParameterSubstitution(args, values, replacements).Visit(body);

    private sealed class ParameterSubstitution(ParameterExpression args, ParameterExpression[] values, (ParameterExpression From, Expression To)[] replacements)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == args ? values.Single(v => v.Name == node.Member.Name) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == args ? throw new InvalidOperationException("A search predicate uses its values other than through their members.")
            : replacements.FirstOrDefault(r => r.From == node).To ?? node;
    }
}
