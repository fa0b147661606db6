using System.Globalization;
using Socle.BuildingBlocks.Errors;
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

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IdentityDbContext db, PatientSearchQueries queries, ICallerContext caller, IAuditTrail audit)
    {
        var q = new QueryParameters(request, Parameters);
        var count = q.Integer("_count", 20, 0, 100);
        var offset = q.Integer("_offset", 0, 0, 10_000);
        var total = q.Get("_total");
        if (total is not (null or "none" or "accurate" or "estimate"))
        {
            throw CommonErrors.InvalidParameter.WithMessage("_total must be none, estimate or accurate.").ToException();
        }

        var args = new PatientSearchArgs { Organisation = caller.Organisation, Window = offset + count + 1 };
        var shape = Filter(q, args);
        var byUsedName = shape.HasFlag(PatientSearchFilters.Family);
        var cancellationToken = request.HttpContext.RequestAborted;

        // Each branch walks its own index in the result order and stops at the page's end; the two are merged here
        // (a UNION would materialise and sort every match of a short prefix).
        var rows = await queries.PageAsync(db, shape, false, args).ToListAsync(cancellationToken);
        if (byUsedName)
        {
            rows.AddRange(await queries.PageAsync(db, shape, true, args).ToListAsync(cancellationToken));
            rows = rows.DistinctBy(x => x.Id).OrderBy(x => x.FamilyKey, StringComparer.Ordinal).ThenBy(x => x.GivenKey, StringComparer.Ordinal)
                .ThenBy(x => x.BirthDate).ThenBy(x => x.Id).ToList();
        }

        var page = rows.Skip(offset).Take(count + 1).ToList();
        var hasNext = page.Count > count;
        page = page.Take(count).ToList();
        int? totalCount = null;
        if (total is "accurate" or "estimate")
        {
            totalCount = await queries.CountAsync(db, shape, false, args)
                + (byUsedName ? await queries.CountAsync(db, shape, true, args) : 0);
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

    /// <summary>Reads the search parameters into <paramref name="args"/>; the filters they use.</summary>
    private static PatientSearchFilters Filter(QueryParameters q, PatientSearchArgs args)
    {
        var shape = PatientSearchFilters.None;
        if (q.Get("_id") is { } id)
        {
            shape |= Guid.TryParseExact(id, "N", out var guid) ? PatientSearchFilters.Id : PatientSearchFilters.NoMatch;
            args.Id = guid;
        }

        if (q.Get("given") is { } given)
        {
            args.GivenKey = InsName.SearchKey(given) ?? throw Invalid("given", "needs letters");
            args.GivenInner = " " + args.GivenKey;
            shape |= PatientSearchFilters.Given;
        }

        if (q.Get("gender") is { } genderText)
        {
            args.Gender = GenderCodes.FromFhir(genderText) ?? throw Invalid("gender", "is male, female or unknown");
            shape |= PatientSearchFilters.Gender;
        }

        if (q.Get("birthdate") is { } birthdate)
        {
            (args.BirthFrom, args.BirthTo) = DateRange(birthdate);
            shape |= PatientSearchFilters.BirthDate;
        }

        if (q.Get("address-postalcode") is { } postal)
        {
            args.PostalPrefix = postal;
            shape |= PatientSearchFilters.PostalCode;
        }

        if (q.Get("active") is { } active)
        {
            shape |= active switch
            {
                "true" => PatientSearchFilters.Active,
                "false" => PatientSearchFilters.Inactive,
                _ => throw Invalid("active", "is true or false"),
            };
        }

        if (q.Get("identifier") is { } identifier)
        {
            var (system, value) = TokenParameter.Parse(identifier);
            var oid = InsOids.OidOf(system);
            if (oid is not null && InsOids.IsInsOid(oid))
            {
                (args.Ins, args.InsOid) = (value, oid);
                shape |= PatientSearchFilters.Ins;
            }
            else
            {
                (args.IppSystem, args.Ipp) = (system ?? string.Empty, value);
                shape |= system is null or "" ? PatientSearchFilters.Ipp : PatientSearchFilters.IppInSystem;
            }
        }

        if (q.Get("family") is { } family)
        {
            args.FamilyKey = InsName.SearchKey(family) ?? throw Invalid("family", "needs letters");
            args.FamilyUpper = InsName.PrefixUpperBound(args.FamilyKey);
            shape |= PatientSearchFilters.Family;
        }

        return shape;
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
