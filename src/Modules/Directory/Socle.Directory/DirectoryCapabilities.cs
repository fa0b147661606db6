using Socle.BuildingBlocks.Fhir.Capability;
using Socle.Directory.Features;
using Socle.Directory.Fhir;

namespace Socle.Directory;

/// <summary>The read-only directory resources, with the search parameters their endpoints accept.</summary>
internal sealed class DirectoryCapabilities : IFhirCapabilityContributor
{
    public IEnumerable<CapabilityResource> Resources()
    {
        yield return Resource("Practitioner", AnnuaireFhir.PractitionerProfile, PractitionerEndpoints.Parameters, [], ["PractitionerRole:practitioner"]);
        yield return Resource("PractitionerRole", AnnuaireFhir.PractitionerRoleProfile, PractitionerRoleEndpoints.Parameters, ["PractitionerRole:practitioner", "PractitionerRole:organization"], []);
        yield return Resource("Organization", AnnuaireFhir.OrganizationProfile, OrganizationEndpoints.Parameters, [], ["PractitionerRole:organization"]);
    }

    private static CapabilityResource Resource(string type, string profile, string[] parameters, List<string> includes, List<string> revIncludes) => new()
    {
        Type = type,
        Profile = profile,
        Interaction = [new() { Code = "read" }, new() { Code = "search-type" }],
        SearchInclude = includes.Count == 0 ? null : includes,
        SearchRevInclude = revIncludes.Count == 0 ? null : revIncludes,
        SearchParam = parameters.Concat(["_id", "active", "_lastUpdated"]).Select(p => new CapabilitySearchParam { Name = p, Type = TypeOf(p) }).ToList(),
    };

    private static string TypeOf(string parameter) => parameter switch
    {
        "name" or "family" or "given" or "address-city" or "address-postalcode" => "string",
        "practitioner" or "organization" => "reference",
        "_lastUpdated" => "date",
        _ => "token",
    };
}
