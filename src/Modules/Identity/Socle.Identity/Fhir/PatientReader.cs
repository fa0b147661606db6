using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Identity.Domain;

namespace Socle.Identity.Fhir;

/// <summary>
/// Reads a client's FR Core Patient into traits. The status is never read (it is derived), and an INS is
/// refused here: it only comes from an INSi result through $attach-ins.
/// </summary>
internal static class PatientReader
{
    public static PatientInput Read(Patient patient, TimeProvider clock)
    {
        var official = patient.Name?.FirstOrDefault(n => n.Use == "official")
            ?? patient.Name?.FirstOrDefault(n => n.Use is null)
            ?? throw IdentityErrors.InvalidName.WithMessage("An official name (birth name, use = official) is required.").ToException();
        var family = TraitValidation.FamilyName(official.Family, "birth family");
        var listExtension = official.Extension?.FirstOrDefault(e => e.Url == FrCore.BirthListGivenName)?.ValueString;
        var givenText = listExtension ?? (official.Given is { Count: > 0 } given ? string.Join(' ', given) : null);
        var givenNames = TraitValidation.GivenNames(givenText, "birth given");

        var usual = patient.Name?.FirstOrDefault(n => n.Use == "usual");
        var usedFamily = usual?.Family is null ? null : TraitValidation.FamilyName(usual.Family, "used family");
        var usedGiven = usual?.Given is { Count: > 0 } ug ? TraitValidation.GivenNames(ug[0], "used given") : null;

        var traits = new InsTraits(
            family,
            givenNames,
            TraitValidation.BirthDate(patient.BirthDate ?? throw TraitValidation.Missing("birthDate"), clock),
            TraitValidation.Gender(patient.Gender ?? throw TraitValidation.Missing("gender"), insTraits: false),
            TraitValidation.Birthplace(BirthplaceCode(patient)));

        var (doubtful, fictitious, homonym) = Attributes(patient);
        return new PatientInput(traits, usedFamily, usedGiven, Ipp(patient), doubtful, fictitious, homonym, patient.Telecom, patient.Address);
    }

    private static string? BirthplaceCode(Patient patient)
    {
        var address = patient.Extension?.FirstOrDefault(e => e.Url == FrCore.BirthPlace)?.ValueAddress;
        if (address is null)
        {
            return null;
        }

        return address.Extension?.FirstOrDefault(e => e.Url == FrCore.AddressInseeCode)?.ValueCoding?.Code ?? address.District
            ?? throw IdentityErrors.InvalidBirthplace.WithMessage("The birthPlace extension needs the INSEE code (fr-core-address-insee-code or district).").ToException();
    }

    private static (bool Doubtful, bool Fictitious, bool Homonym) Attributes(Patient patient)
    {
        var reliability = patient.Extension?.Where(e => e.Url == FrCore.IdentityReliability).ToList() ?? [];
        var doubtful = false;
        var fictitious = false;
        var homonym = false;
        foreach (var child in reliability.SelectMany(r => r.Children ?? []))
        {
            switch (child.Url)
            {
                case "comment":
                    foreach (var code in child.ValueCodeableConcept?.Coding?.Select(c => c.Code) ?? [])
                    {
                        doubtful |= code == FrCore.Doubtful;
                        fictitious |= code == FrCore.Fictitious;
                        homonym |= code == FrCore.Homonym;
                    }

                    break;
                case "identityStatus" or "validationMode" or "validationDate" or "methodCollection" or "dateInterrogationINSi":
                    throw IdentityErrors.StatusIsDerived.WithMessage(
                        $"'{child.Url}' is derived by Socle: use $attach-ins (INSi) and $validate-identity (document check) instead of setting it.").ToException();
                default:
                    throw CommonErrors.InvalidParameter.WithMessage($"Unknown identity-reliability element '{child.Url}'.").ToException();
            }
        }

        return (doubtful, fictitious, homonym);
    }

    private static (string System, string Value)? Ipp(Patient patient)
    {
        (string, string)? ipp = null;
        foreach (var identifier in patient.Identifier ?? [])
        {
            var typeCode = identifier.Type?.Coding?.FirstOrDefault()?.Code;
            var oid = InsOids.OidOf(identifier.System);
            var looksIns = (typeCode is not null && InsOids.OidOfTypeCode(typeCode) is not null) || (oid is not null && InsOids.IsInsOid(oid))
                || oid?.StartsWith("1.2.250.1.213.1.4.", StringComparison.Ordinal) == true;
            if (looksIns)
            {
                var validOid = TraitValidation.Ins(identifier.System, identifier.Value);
                var expectedOid = typeCode is null ? null : InsOids.OidOfTypeCode(typeCode);
                if (expectedOid is not null && expectedOid != validOid)
                {
                    throw IdentityErrors.WrongInsOid.WithMessage($"An {typeCode} identifier must use the system urn:oid:{expectedOid}, not {identifier.System}.").ToException();
                }

                throw IdentityErrors.InsOnlyThroughInsi.WithMessage(
                    "An INS is attached only from an INSi result: call Patient/$ins-retrieve, then Patient/{id}/$attach-ins with its retrieval-id.").ToException();
            }

            if (string.IsNullOrWhiteSpace(identifier.System) || string.IsNullOrWhiteSpace(identifier.Value))
            {
                throw IdentityErrors.InvalidIdentifier.WithMessage("Every identifier needs a system and a value.").ToException();
            }

            if (identifier.Value.Length > 100 || identifier.System.Length > 255)
            {
                throw IdentityErrors.InvalidIdentifier.WithMessage("The identifier is too long (value 100, system 255 characters at most).").ToException();
            }

            if (ipp is null || typeCode == "PI")
            {
                ipp = (identifier.System, identifier.Value);
            }
        }

        return ipp;
    }
}
