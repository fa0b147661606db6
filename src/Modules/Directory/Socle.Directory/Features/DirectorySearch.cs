using System.Globalization;
using Socle.BuildingBlocks.Errors;
using Socle.Directory.Domain;
using Socle.Directory.Storage;

namespace Socle.Directory.Features;

/// <summary>What the three directory searches share: paging, totals, <c>_lastUpdated</c>, <c>active</c> and token values.</summary>
internal sealed class DirectorySearch
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
    public const int MaxOffset = 10_000;
    public static readonly string[] CommonParameters = ["_id", "active", "_lastUpdated", "_count", "_offset", "_total"];

    public DirectorySearch(HttpRequest request, string[] parameters, string[] repeatable)
    {
        Query = new QueryParameters(request, [.. CommonParameters, .. parameters, .. repeatable], repeatable);
        Count = Query.Integer("_count", DefaultCount, 0, MaxCount);
        Offset = Query.Integer("_offset", 0, 0, MaxOffset);
        var total = Query.Get("_total");
        if (total is not (null or "none" or "accurate" or "estimate"))
        {
            throw Invalid("_total", "is none, estimate or accurate");
        }

        WantsTotal = total is "accurate" or "estimate";
    }

    public QueryParameters Query { get; }

    public int Count { get; }

    public int Offset { get; }

    public bool WantsTotal { get; }

    public static DomainException Invalid(string name, string rule) =>
        CommonErrors.InvalidParameter.WithMessage($"The search parameter '{name}' {rule}.").ToException();

    /// <summary>Current versions; with <c>active=false</c>, the last version of records that left the directory.</summary>
    public IQueryable<T> Versions<T>(IQueryable<T> table)
        where T : DirectoryRecord
    {
        var query = Query.Get("active") switch
        {
            null or "true" => table.Where(x => x.ValidTo == null),
            "false" => table.Where(x => x.ValidTo != null
                && !table.Any(o => o.Key == x.Key && (o.ValidTo == null || o.ValidTo > x.ValidTo))),
            _ => throw Invalid("active", "is true or false"),
        };
        if (Query.Get("_lastUpdated") is { } lastUpdated)
        {
            var (from, to) = DateSearch.Range(lastUpdated, "_lastUpdated");
            query = query.Where(x => x.ValidFrom >= from && x.ValidFrom <= to);
        }

        return query;
    }

    /// <summary>The code of a token parameter whose system, when given, must be <paramref name="system"/>.</summary>
    public string? Code(string name, string system)
    {
        if (Query.Get(name) is not { } text)
        {
            return null;
        }

        var token = TokenParameter.Parse(text);
        return token.System is null || token.System == system
            ? token.Value
            : throw Invalid(name, $"takes codes of {system}");
    }

    /// <summary>The search key of a string parameter (prefix match on folded text).</summary>
    public string? Key(string name) =>
        Query.Get(name) is { } text ? SearchText.Key(text) ?? throw Invalid(name, "needs letters or digits") : null;

    /// <summary>The id of a reference parameter: <c>Type/id</c> or the bare id.</summary>
    public string? ReferenceId(string name, string type)
    {
        if (Query.Get(name) is not { } text)
        {
            return null;
        }

        var slash = text.LastIndexOf('/');
        if (slash >= 0 && !text[..slash].EndsWith(type, StringComparison.Ordinal))
        {
            throw Invalid(name, $"refers to a {type}");
        }

        return text[(slash + 1)..];
    }

    /// <summary>Which of the allowed <c>_include</c> or <c>_revinclude</c> values were asked for.</summary>
    public HashSet<string> Includes(string name, params string[] allowed)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in Query.All(name))
        {
            if (value == "*")
            {
                asked.UnionWith(allowed);
            }
            else if (allowed.Contains(value, StringComparer.Ordinal))
            {
                asked.Add(value);
            }
            else
            {
                throw Invalid(name, $"takes {string.Join(", ", allowed)} or *");
            }
        }

        return asked;
    }
}
