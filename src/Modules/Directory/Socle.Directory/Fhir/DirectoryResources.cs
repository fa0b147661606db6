using Socle.Directory.Lookup;
using Socle.Directory.Storage;

namespace Socle.Directory.Fhir;

/// <summary>Stored directory records as Annuaire Santé FHIR resources.</summary>
internal static class DirectoryResources
{
    public static Practitioner Practitioner(
        PersonRecord person, IEnumerable<ActivityRecord> activities, IEnumerable<SpecialtyRecord> specialties,
        IEnumerable<DiplomaRecord> diplomas, IEnumerable<MailboxRecord> mailboxes)
    {
        var identifiers = new List<Identifier> { AnnuaireFhir.Identifier(AnnuaireFhir.IdNatPs, person.Key, "IDNPS") };
        if (person.IdType == Domain.ProfessionalIds.RppsType && person.Identifier is { } rpps)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.Rpps, rpps, "RPPS"));
        }
        else if (person.IdType == Domain.ProfessionalIds.AdeliType && person.Identifier is { } adeli)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.IdNatPs, adeli, "ADELI"));
        }

        var qualifications = activities
            .Where(a => a.ProfessionCode is not null)
            .DistinctBy(a => a.ProfessionCode)
            .Select(a => new PractitionerQualification
            {
                Code = new CodeableConcept
                {
                    Coding = new[]
                    {
                        new Coding { System = AnnuaireFhir.Profession, Code = a.ProfessionCode, Display = a.ProfessionLabel },
                        a.CategoryCode is null ? null : new Coding { System = AnnuaireFhir.Category, Code = a.CategoryCode, Display = a.CategoryLabel },
                    }.OfType<Coding>().ToList(),
                },
            })
            .Concat(specialties.Select(s => new PractitionerQualification { Code = CodeableConcept.Of(SavoirFaireSystem(s.TypeCode), s.Code!, s.Label) }))
            .Concat(diplomas.Where(d => d.DiplomaCode is not null).Select(d => new PractitionerQualification { Code = CodeableConcept.Of(AnnuaireFhir.Diploma, d.DiplomaCode!, d.DiplomaLabel) }))
            .ToList();

        return new Practitioner
        {
            Id = person.Key,
            Meta = AnnuaireFhir.Meta(AnnuaireFhir.PractitionerProfile, person.Id, person.ValidFrom),
            Identifier = identifiers,
            Active = person.ValidTo is null,
            Name =
            [
                new HumanName
                {
                    Use = "usual",
                    Family = person.FamilyName,
                    Given = person.GivenName is null ? null : [person.GivenName],
                    Prefix = person.CivilityExLabel is null ? null : [person.CivilityExLabel],
                },
            ],
            Telecom = NullIfEmpty(mailboxes.Select(m => AnnuaireFhir.Mailbox(m.Address!, m.Type, m.Service, m.Dematerialisation)).ToList()),
            Qualification = NullIfEmpty(qualifications),
        };
    }

    public static PractitionerRole PractitionerRole(ActivityRecord a) => new()
    {
        Id = a.PublicId,
        Meta = AnnuaireFhir.Meta(AnnuaireFhir.PractitionerRoleProfile, a.Id, a.ValidFrom),
        Active = a.ValidTo is null,
        Practitioner = new Reference { ReferenceValue = $"Practitioner/{a.IdNat}", Identifier = new Identifier { System = AnnuaireFhir.IdNatPs, Value = a.IdNat } },
        Organization = a.StructureKey is null ? null : new Reference { ReferenceValue = $"Organization/{a.StructureKey}" },
        Code = NullIfEmpty(new[]
        {
            AnnuaireFhir.Coded(AnnuaireFhir.Profession, a.ProfessionCode, a.ProfessionLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.Category, a.CategoryCode, a.CategoryLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.Role, a.RoleCode, a.RoleLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.Mode, a.ModeCode, a.ModeLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.Genre, a.GenreCode, a.GenreLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.Sector, a.SectorCode, a.SectorLabel),
        }.OfType<CodeableConcept>().ToList()),
        Specialty = NullIfEmpty(new[]
        {
            AnnuaireFhir.Coded(SavoirFaireSystem(a.SavoirFaireTypeCode), a.SavoirFaireCode, a.SavoirFaireLabel),
            AnnuaireFhir.Coded(AnnuaireFhir.PharmacistSection, a.PharmacistSectionCode, a.PharmacistSectionLabel),
        }.OfType<CodeableConcept>().ToList()),
    };

    public static Organization Organization(StructureRecord s, IEnumerable<MailboxRecord> mailboxes)
    {
        var identifiers = new List<Identifier> { AnnuaireFhir.Identifier(AnnuaireFhir.IdNatStruct, s.IdNat ?? s.Key, "IDNST") };
        if (s.FinessSite is { } site)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.Finess, site, "FINEG"));
        }

        if (s.FinessLegal is { } legal)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.Finess, legal, "FINEJ"));
        }

        if (s.Siret is { } siret)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.Sirene, siret, "SIRET"));
        }

        if (s.Siren is { } siren)
        {
            identifiers.Add(AnnuaireFhir.Identifier(AnnuaireFhir.Sirene, siren, "SIREN"));
        }

        var telecom = new List<ContactPoint>();
        AddTelecom(telecom, "phone", s.Phone);
        AddTelecom(telecom, "phone", s.Phone2);
        AddTelecom(telecom, "fax", s.Fax);
        AddTelecom(telecom, "email", s.Email);
        telecom.AddRange(mailboxes.Select(m => AnnuaireFhir.Mailbox(m.Address!, m.Type, m.Service, m.Dematerialisation)));
        var lines = new[] { s.AddressComplement, s.GeoComplement, DirectoryMapping.AddressLine(s), s.Distribution }.OfType<string>().ToList();
        return new Organization
        {
            Id = s.Key,
            Meta = AnnuaireFhir.Meta(AnnuaireFhir.OrganizationProfile, s.Id, s.ValidFrom),
            Identifier = identifiers,
            Active = s.ValidTo is null,
            Name = s.Name ?? s.CommercialName,
            Alias = s.Name is not null && s.CommercialName is { } alias ? [alias] : null,
            Telecom = NullIfEmpty(telecom),
            Address = s.PostalCode is null && s.City is null && lines.Count == 0
                ? null
                : [new Address { Use = "work", Line = NullIfEmpty(lines), PostalCode = s.PostalCode, City = s.City, District = s.Department, Country = s.Country }],
        };
    }

    private static string SavoirFaireSystem(string? type) =>
        type == "S" ? AnnuaireFhir.SpecialtyOrdinal : $"urn:socle:annuaire:savoir-faire:{type ?? "unknown"}";

    private static void AddTelecom(List<ContactPoint> telecom, string system, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            telecom.Add(new ContactPoint { System = system, Value = value, Use = "work" });
        }
    }

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
