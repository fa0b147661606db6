using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;

namespace Socle.BuildingBlocks.Fhir;

/// <summary>Reads an operation's input <c>Parameters</c>: unknown or repeated parameters are a 400 naming them.</summary>
public sealed class ParametersReader
{
    private readonly Dictionary<string, ParametersParameter> byName;

    public ParametersReader(Parameters parameters, params string[] allowed)
        : this(parameters.Parameter ?? [], allowed)
    {
    }

    public ParametersReader(IEnumerable<ParametersParameter> parameters, params string[] allowed)
    {
        byName = new Dictionary<string, ParametersParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var name = parameter.Name ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw CommonErrors.UnknownParameter
                    .WithMessage($"Unknown parameter '{name}'; this operation takes {string.Join(", ", allowed)}.")
                    .ToException();
            }

            if (!byName.TryAdd(name, parameter))
            {
                throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' is given more than once.").ToException();
            }
        }
    }

    public bool Has(string name) => byName.ContainsKey(name);

    public ParametersParameter? Get(string name) => byName.GetValueOrDefault(name);

    /// <summary>A primitive value given as valueString, valueCode, valueDate or valueUri.</summary>
    public string? Text(string name)
    {
        var p = Get(name);
        return p is null ? null : p.ValueString ?? p.ValueCode ?? p.ValueDate ?? p.ValueUri
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a text value (valueString, valueCode or valueDate).").ToException();
    }

    public Identifier? Identifier(string name)
    {
        var p = Get(name);
        return p is null ? null : p.ValueIdentifier
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a valueIdentifier.").ToException();
    }

    public Reference? Reference(string name)
    {
        var p = Get(name);
        return p is null ? null : p.ValueReference
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a valueReference.").ToException();
    }

    public int? Integer(string name)
    {
        var p = Get(name);
        return p is null ? null : p.ValueInteger
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a valueInteger.").ToException();
    }

    public bool? Boolean(string name)
    {
        var p = Get(name);
        return p is null ? null : p.ValueBoolean
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a valueBoolean.").ToException();
    }

    public T? Resource<T>(string name)
        where T : FhirResource
    {
        var p = Get(name);
        return p is null ? null : p.Resource as T
            ?? throw CommonErrors.InvalidParameter.WithMessage($"The parameter '{name}' needs a {typeof(T).Name} resource.").ToException();
    }

    public IReadOnlyList<ParametersParameter> Parts(string name) => Get(name)?.Part ?? [];
}
