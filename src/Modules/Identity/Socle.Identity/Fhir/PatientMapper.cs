using System.Globalization;
using System.Text.Json;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Identity.Domain;
using Socle.Identity.Domain.Local;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Fhir;

/// <summary>Writes identities as FR Core Patients. The INS matricule is written only for a qualified identity.</summary>
internal static class PatientMapper
{
    public static Patient FromLocal(LocalIdentity identity)
    {
        var patient = new Patient
        {
            Id = identity.Id.ToString("N"),
            Meta = new Meta
            {
                VersionId = identity.Version.ToString(CultureInfo.InvariantCulture),
                LastUpdated = Instant(identity.UpdatedAtMs),
                Profile = [identity.MayShareIns ? FrCore.PatientInsProfile : FrCore.PatientProfile],
            },
            Active = !identity.IsMerged,
            Identifier = [Ipp(identity)],
            Name = [OfficialName(identity.BirthFamilyName, identity.BirthGivenNames)],
            Gender = identity.Gender.ToFhir(),
            BirthDate = Date(identity.BirthDate),
            Extension = [Reliability(identity)],
            Telecom = identity.TelecomJson is null ? null : JsonSerializer.Deserialize(identity.TelecomJson, IdentityJsonContext.Default.ListContactPoint),
            Address = identity.AddressJson is null ? null : JsonSerializer.Deserialize(identity.AddressJson, IdentityJsonContext.Default.ListAddress),
        };
        if (identity.MayShareIns)
        {
            patient.Identifier.Add(Ins(identity.Ins!, identity.InsOid!));
        }

        if (identity.UsedFamilyName is not null || identity.UsedGivenName is not null)
        {
            patient.Name.Add(new HumanName
            {
                Use = "usual",
                Family = identity.UsedFamilyName,
                Given = identity.UsedGivenName is null ? null : [identity.UsedGivenName],
            });
        }

        if (identity.Birthplace is not null)
        {
            patient.Extension.Add(BirthPlace(identity.Birthplace));
        }

        if (identity.MergedIntoId is { } target)
        {
            patient.Link = [new PatientLink { Type = "replaced-by", Other = new Reference { ReferenceValue = "Patient/" + target.ToString("N") } }];
        }

        return patient;
    }

    /// <summary>The INSi answer: an FR Core Patient INS with the national traits.</summary>
    public static Patient FromReference(ReferenceIdentity reference) => new()
    {
        Meta = new Meta { Profile = [FrCore.PatientInsProfile] },
        Identifier = [Ins(reference.Nir, reference.Oid)],
        Name = [OfficialName(reference.BirthFamilyName, reference.BirthGivenNames)],
        Gender = reference.Gender.ToFhir(),
        BirthDate = Date(reference.BirthDate),
        Extension = [BirthPlace(reference.Birthplace)],
    };

    public static Identifier Ipp(LocalIdentity identity) => new()
    {
        Use = "usual",
        Type = CodeableConcept.Of(FrCore.V2IdentifierTypes, "PI", "Patient internal identifier"),
        System = identity.IppSystem,
        Value = identity.Ipp,
    };

    public static Identifier Ins(string nir, string oid) => new()
    {
        Use = "official",
        Type = CodeableConcept.Of(InsOids.IdentifierTypeSystem, InsOids.TypeCode(oid)),
        System = InsOids.System(oid),
        Value = nir,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static HumanName OfficialName(string family, string givenNames) => new()
    {
        Use = "official",
        Family = family,
        Given = [InsName.FirstGiven(givenNames)],
        Extension = [new Extension { Url = FrCore.BirthListGivenName, ValueString = givenNames }],
    };

    private static Extension BirthPlace(string code) => new()
    {
        Url = FrCore.BirthPlace,
        ValueAddress = new Address
        {
            District = code,
            Extension = [new Extension { Url = FrCore.AddressInseeCode, ValueCoding = new Coding { Code = code } }],
        },
    };

    private static Extension Reliability(LocalIdentity identity)
    {
        var status = identity.Status;
        var children = new List<Extension>
        {
            new() { Url = "identityStatus", ValueCoding = new Coding { System = Rniv.StatusSystem, Code = status.Code() } },
        };
        if (identity.InsiRetrievedAtMs is { } retrievedAt)
        {
            children.Add(new Extension { Url = "methodCollection", ValueCoding = new Coding { System = FrCore.MethodCollectionSystem, Code = "INSI" } });
            children.Add(new Extension { Url = "dateInterrogationINSi", ValueDate = Instant(retrievedAt)[..10] });
        }

        if (identity.ValidationDocument is { } document)
        {
            children.Add(new Extension { Url = "validationMode", ValueCoding = new Coding { System = HighTrustDocuments.System, Code = document, Display = HighTrustDocuments.Label(document) } });
            children.Add(new Extension { Url = "validationDate", ValueDate = Instant(identity.ValidatedAtMs!.Value)[..10] });
        }

        foreach (var (flag, code) in new[] { (identity.Doubtful, FrCore.Doubtful), (identity.Fictitious, FrCore.Fictitious), (identity.Homonym, FrCore.Homonym) })
        {
            if (flag)
            {
                children.Add(new Extension { Url = "comment", ValueCodeableConcept = CodeableConcept.Of(FrCore.StatusCommentSystem, code) });
            }
        }

        return new Extension { Url = FrCore.IdentityReliability, Children = children };
    }
}
