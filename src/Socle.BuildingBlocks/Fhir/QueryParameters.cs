using Microsoft.AspNetCore.Http;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Web;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>FHIR search parameters from the query string; an unknown parameter is a 400 (strict handling).</summary>
public sealed class QueryParameters
{
    private readonly IQueryCollection query;

    public QueryParameters(HttpRequest request, params string[] allowed)
        : this(request, allowed, [])
    {
    }

    /// <summary>Parameters of which only <paramref name="repeatable"/> may be given more than once (for example <c>_include</c>).</summary>
    public QueryParameters(HttpRequest request, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> repeatable)
    {
        query = request.Query;
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw CommonErrors.UnknownParameter
                    .WithMessage($"Unknown search parameter '{key}'; supported: {string.Join(", ", allowed)}.")
                    .ToException();
            }

            if (query[key].Count > 1 && !repeatable.Contains(key, StringComparer.Ordinal))
            {
                throw CommonErrors.InvalidParameter.WithMessage($"The search parameter '{key}' is repeated; give it once.").ToException();
            }

            if (query[key].Any(value => CallerText.HasControlCharacter(value)))
            {
                throw CommonErrors.InvalidParameter.WithMessage($"The search parameter '{key}' holds a control character.").ToException();
            }
        }
    }

    public string? Get(string name)
    {
        var value = query[name].ToString();
        if (query.ContainsKey(name) && string.IsNullOrWhiteSpace(value))
        {
            throw CommonErrors.InvalidParameter.WithMessage($"The search parameter '{name}' is empty.").ToException();
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Every value of a repeatable parameter.</summary>
    public IReadOnlyList<string> All(string name) =>
        query[name].Select(v => v ?? string.Empty).Where(v => v.Length > 0).ToList();

    public int Integer(string name, int defaultValue, int min, int max)
    {
        var value = Get(name);
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw CommonErrors.InvalidParameter.WithMessage($"The search parameter '{name}' must be a whole number from {min} to {max}.").ToException();
    }
}
