using System.Reflection;

namespace Socle.Architecture.Tests;

/// <summary>Modules meet only through their Contracts; Contracts and Domain stay free of EF Core and ASP.NET Core.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Modules = ["Audit", "Connect", "Identity", "Directory", "Record"];

    public static TheoryData<string> ModuleNames => new(Modules);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ReferencesOtherModulesOnlyThroughContracts(string module)
    {
        var assembly = Load($"Socle.{module}");
        var forbidden = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Socle.", StringComparison.Ordinal))
            .Where(n => n != "Socle.BuildingBlocks" && !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        Assert.True(forbidden.Count == 0, $"Socle.{module} references {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_UseNeitherEfCoreNorAspNetCoreNorOtherSocleAssemblies(string module)
    {
        var references = Load($"Socle.{module}.Contracts").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Socle.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Domain_UsesNeitherEfCoreNorAspNetCore(string module)
    {
        var offenders = Load($"Socle.{module}").GetTypes()
            .Where(t => t.Namespace?.Contains(".Domain", StringComparison.Ordinal) == true)
            .SelectMany(t => SignatureTypes(t).Select(used => (t, used)))
            .Where(p => p.used.Namespace is { } ns && (ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
            .Select(p => $"{p.t.FullName} uses {p.used.FullName}")
            .Distinct()
            .ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_ExposesOnlyItsRegistrationAndOptions(string module)
    {
        var exposed = Load($"Socle.{module}").GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Module", StringComparison.Ordinal) && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            // Razor Pages must be public: page models and the view models they show, in the module's Pages namespace.
            .Where(t => t.Namespace?.StartsWith($"Socle.{module}.Pages", StringComparison.Ordinal) != true)
            .Select(t => t.FullName)
            .ToList();
        Assert.True(exposed.Count == 0, $"Public types outside Contracts: {string.Join(", ", exposed)}");
    }

    /// <summary>
    /// EF Core binds a compiled query to the model it first ran on: held in a static field, the first host of a process
    /// (PostgreSQL) would hand its SQL to the next one (SQLite). Compiled queries live in a singleton per host.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_HoldsNoCompiledQueryInAStaticField(string module)
    {
        const BindingFlags statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = Load($"Socle.{module}").GetTypes()
            .SelectMany(t => t.GetFields(statics).Select(f => (t, f)))
            .Where(p => p.f.FieldType.IsGenericType && p.f.FieldType.FullName?.StartsWith("System.Func`", StringComparison.Ordinal) == true
                && p.f.FieldType.GetGenericArguments()[0].IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.DbContext)))
            .Select(p => $"{p.t.FullName}.{p.f.Name}")
            .ToList();
        Assert.True(offenders.Count == 0, $"Compiled queries in static fields: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void BuildingBlocks_KnowsNoModule()
    {
        var references = Load("Socle.BuildingBlocks").GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, n => n.StartsWith("Socle.", StringComparison.Ordinal));
    }

    private static Assembly Load(string name) => Assembly.Load(name);

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var f in type.GetFields(all))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(all))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var parameter in m.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }

        foreach (var c in type.GetConstructors(all))
        {
            foreach (var parameter in c.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
