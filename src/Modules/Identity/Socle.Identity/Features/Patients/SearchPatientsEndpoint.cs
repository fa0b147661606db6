using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Socle.BuildingBlocks.Errors;
using Socle.Identity.Domain.Local;
using Socle.Identity.Storage;

namespace Socle.Identity.Features.Patients;

/// <summary>GET /fhir/Patient: IHE PDQm search (ITI-78) over the caller organisation's repository.</summary>
internal static class SearchPatientsEndpoint
{
    public static readonly string[] Parameters =
        ["family", "given", "birthdate", "gender", "identifier", "address-postalcode", "active", "_id", "_count", "_offset", "_total"];

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/fhir/Patient", HandleAsync)
            .RequireScope(IdentityScopes.Read)
            .WithName("SearchPatients")
            .WithSummary("PDQm patient search");

    private static async Task<IResult> HandleAsync(HttpRequest request, IdentityDbContext db, ICallerContext caller, IAuditTrail audit)
    {
        var q = new QueryParameters(request, Parameters);
        var count = q.Integer("_count", 20, 0, 100);
        var offset = q.Integer("_offset", 0, 0, 10_000);
        var total = q.Get("_total");
        if (total is not (null or "none" or "accurate" or "estimate"))
        {
            throw CommonErrors.InvalidParameter.WithMessage("_total must be none, estimate or accurate.").ToException();
        }

        var (byBirthName, byUsedName) = Filter(db.LocalIdentities.AsNoTracking().Where(x => x.Organisation == caller.Organisation), q);
        var cancellationToken = request.HttpContext.RequestAborted;

        // Each branch walks its own index in the result order and stops at the page's end; the two are merged here
        // (a UNION would materialise and sort every match of a short prefix).
        var window = offset + count + 1;
        var rows = await Ordered(byBirthName).Take(window).ToListAsync(cancellationToken);
        if (byUsedName is not null)
        {
            rows.AddRange(await Ordered(byUsedName).Take(window).ToListAsync(cancellationToken));
            rows = rows.DistinctBy(x => x.Id).OrderBy(x => x.FamilyKey, StringComparer.Ordinal).ThenBy(x => x.GivenKey, StringComparer.Ordinal)
                .ThenBy(x => x.BirthDate).ThenBy(x => x.Id).ToList();
        }

        var page = rows.Skip(offset).Take(count + 1).ToList();
        var hasNext = page.Count > count;
        page = page.Take(count).ToList();
        int? totalCount = null;
        if (total is "accurate" or "estimate")
        {
            totalCount = await byBirthName.CountAsync(cancellationToken)
                + (byUsedName is null ? 0 : await byUsedName.CountAsync(cancellationToken));
        }

        await audit.RecordAllAsync("identity.search", page, request.HttpContext.RequestAborted);

        var baseUrl = FhirUrls.Base(request);
        return new FhirResult(new Bundle
        {
            Type = "searchset",
            Total = totalCount,
            Link = SearchLinks.For(request, $"{baseUrl}/Patient", offset, count, hasNext),
            Entry = page.Select(x => new BundleEntry
            {
                FullUrl = $"{baseUrl}/Patient/{x.Id:N}",
                Resource = PatientMapper.FromLocal(x),
                Search = new BundleEntrySearch { Mode = "match" },
            }).ToList(),
        });
    }

    private static IQueryable<LocalIdentity> Ordered(IQueryable<LocalIdentity> query) =>
        query.OrderBy(x => x.FamilyKey).ThenBy(x => x.GivenKey).ThenBy(x => x.BirthDate).ThenBy(x => x.Id);

    /// <summary>The filtered query; with a family parameter, a second query for the used (married) name.</summary>
    private static (IQueryable<LocalIdentity> ByBirthName, IQueryable<LocalIdentity>? ByUsedName) Filter(IQueryable<LocalIdentity> query, QueryParameters q)
    {
        IQueryable<LocalIdentity>? byUsedName = null;
        if (q.Get("_id") is { } id)
        {
            query = Guid.TryParseExact(id, "N", out var guid) ? query.Where(x => x.Id == guid) : query.Where(x => false);
        }

        if (q.Get("given") is { } given)
        {
            var key = InsName.SearchKey(given) ?? throw Invalid("given", "needs letters");
            var inner = " " + key;
            query = query.Where(x => x.GivenKey.StartsWith(key) || x.GivenKey.Contains(inner));
        }

        if (q.Get("gender") is { } genderText)
        {
            var gender = GenderCodes.FromFhir(genderText) ?? throw Invalid("gender", "is male, female or unknown");
            query = query.Where(x => x.Gender == gender);
        }

        if (q.Get("birthdate") is { } birthdate)
        {
            var (from, to) = DateRange(birthdate);
            query = query.Where(x => x.BirthDate >= from && x.BirthDate <= to);
        }

        if (q.Get("address-postalcode") is { } postal)
        {
            query = query.Where(x => x.PostalCode != null && x.PostalCode.StartsWith(postal));
        }

        if (q.Get("active") is { } active)
        {
            query = active switch
            {
                "true" => query.Where(x => x.MergedIntoId == null),
                "false" => query.Where(x => x.MergedIntoId != null),
                _ => throw Invalid("active", "is true or false"),
            };
        }

        if (q.Get("identifier") is { } identifier)
        {
            var (system, value) = TokenParameter.Parse(identifier);
            var oid = InsOids.OidOf(system);
            if (oid is not null && InsOids.IsInsOid(oid))
            {
                // An INS finds only qualified identities: searching must not reveal an INS Socle may not share.
                query = query.Where(x => x.Ins == value && x.InsOid == oid && x.StatusCode == "QUAL");
            }
            else
            {
                query = system is null or "" ? query.Where(x => x.Ipp == value) : query.Where(x => x.IppSystem == system && x.Ipp == value);
            }
        }

        if (q.Get("family") is { } family)
        {
            var key = InsName.SearchKey(family) ?? throw Invalid("family", "needs letters");
            var upper = InsName.PrefixUpperBound(key);

            // Range predicates, not LIKE or OR, so that each branch seeks its index.
            byUsedName = query.Where(x => x.UsedFamilyKey != null && string.Compare(x.UsedFamilyKey, key) >= 0 && string.Compare(x.UsedFamilyKey, upper) < 0
                && !(string.Compare(x.FamilyKey, key) >= 0 && string.Compare(x.FamilyKey, upper) < 0));
            query = query.Where(x => string.Compare(x.FamilyKey, key) >= 0 && string.Compare(x.FamilyKey, upper) < 0);
        }

        return (query, byUsedName);
    }

    /// <summary>FHIR date search: eq (default), ge, le, gt, lt, on a full or partial date.</summary>
    private static (DateOnly From, DateOnly To) DateRange(string text)
    {
        var hasPrefix = text.Length > 2 && char.IsAsciiLetter(text[0]);
        var prefix = hasPrefix ? text[..2] : "eq";
        var value = hasPrefix ? text[2..] : text;
        DateOnly start;
        DateOnly end;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            (start, end) = (day, day);
        }
        else if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            (start, end) = (month, month.AddMonths(1).AddDays(-1));
        }
        else if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9999)
        {
            (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        else
        {
            throw Invalid("birthdate", "is a date (YYYY, YYYY-MM or YYYY-MM-DD) with an optional eq, ge, le, gt or lt prefix");
        }

        return prefix switch
        {
            "eq" => (start, end),
            "ge" => (start, DateOnly.MaxValue),
            "gt" => (end.AddDays(1), DateOnly.MaxValue),
            "le" => (DateOnly.MinValue, end),
            "lt" => (DateOnly.MinValue, start.AddDays(-1)),
            _ => throw Invalid("birthdate", "takes the prefixes eq, ge, le, gt or lt"),
        };
    }

    private static DomainException Invalid(string name, string rule) =>
        CommonErrors.InvalidParameter.WithMessage($"The search parameter '{name}' {rule}.").ToException();
}
