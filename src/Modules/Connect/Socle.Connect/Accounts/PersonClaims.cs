using System.Text.Json.Nodes;
using Socle.BuildingBlocks.Security;
using Socle.Connect.Domain;
using Socle.Directory.Contracts;
using Socle.Identity.Contracts;

namespace Socle.Connect.Accounts;

/// <summary>
/// Who logged in, as the tokens say it: the userinfo claims (shaped like Pro Santé Connect's for professionals,
/// built from the directory at login time) and the few claims access tokens carry. Never the NIR.
/// </summary>
internal sealed record PersonClaims(string Subject, string PersonId, JsonObject Userinfo, IReadOnlyDictionary<string, string> AccessTokenClaims);

internal sealed class PersonClaimsBuilder(IDirectory directory, IPatientIdentities identities)
{
    /// <summary>The code system of SubjectRole values, as in Pro Santé Connect's userinfo.</summary>
    public const string SubjectRoleSystem = "1.2.250.1.213.1.1.5.5";

    public async Task<PersonClaims?> BuildAsync(Account account, string? activityId, CancellationToken cancellationToken) =>
        account.IsProfessional
            ? await ProfessionalAsync(account.IdNat!, activityId, cancellationToken)
            : await PatientAsync(account, cancellationToken);

    public async Task<PersonClaims?> ProfessionalAsync(string idNat, string? activityId, CancellationToken cancellationToken)
    {
        var professional = await directory.FindProfessionalAsync(idNat, cancellationToken);
        if (professional is null)
        {
            return null;
        }

        var chosen = professional.Activities.FirstOrDefault(a => a.Id == activityId)
            ?? (professional.Activities.Count == 1 ? professional.Activities[0] : null);
        var userinfo = new JsonObject
        {
            ["sub"] = professional.IdNat,
            ["preferred_username"] = professional.IdNat,
            ["SubjectNameID"] = professional.IdNat,
            ["given_name"] = professional.GivenName,
            ["family_name"] = professional.FamilyName,
            ["codeCivilite"] = professional.ExerciseCivility?.Code,
            ["SubjectRefPro"] = new JsonObject { ["codeCivilite"] = professional.ExerciseCivility?.Code, ["exercices"] = Exercises(professional) },
            ["SubjectRole"] = new JsonArray(professional.Activities.Select(a => $"{a.Profession.Code}^{SubjectRoleSystem}").Distinct().Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["otherIds"] = new JsonArray(new JsonObject { ["identifiant"] = professional.Identifier, ["origine"] = professional.IdentifierType == "8" ? "RPPS" : "ADELI", ["qualite"] = 1 }),
        };
        var accessClaims = new Dictionary<string, string> { ["idnat"] = professional.IdNat };
        if (chosen is not null)
        {
            userinfo["SubjectOrganization"] = chosen.Structure?.Name;
            userinfo["SubjectOrganizationID"] = chosen.Structure?.FinessSite ?? chosen.Structure?.IdNat;
            userinfo["activity"] = chosen.Id;
            accessClaims["activity"] = chosen.Id;
            accessClaims["profession"] = chosen.Profession.Code;

            // The rest of the DMP's subject role: the specialty of a doctor, the section of a pharmacist (the access matrix reads them).
            if (SpecialtyCode(professional, chosen.Profession.Code, chosen) is { Length: > 0 } specialty)
            {
                accessClaims["specialty"] = specialty;
            }

            if (chosen.PharmacistSection?.Code is { Length: > 0 } section)
            {
                accessClaims["pharmacist_section"] = section;
            }
            if (chosen.Structure is { } structure)
            {
                accessClaims["structure"] = structure.IdNat;
            }
        }

        return new PersonClaims(professional.IdNat, professional.IdNat, Prune(userinfo), accessClaims);
    }

    private async Task<PersonClaims?> PatientAsync(Account account, CancellationToken cancellationToken)
    {
        var identity = await identities.FindAsync(account.PatientId!.Value, cancellationToken);
        if (identity is null || identity.Status != "QUAL")
        {
            return null;
        }

        var subject = account.Id.ToString("N");
        var userinfo = new JsonObject
        {
            ["sub"] = subject,
            ["preferred_username"] = account.Login,
            ["given_name"] = identity.BirthGivenNames.Split(' ')[0],
            ["family_name"] = identity.BirthFamilyName,
            ["birthdate"] = identity.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [SocleClaims.PatientId] = identity.Id.ToString("N"),
        };
        if (account.Email is not null)
        {
            userinfo["email"] = account.Email;
        }

        return new PersonClaims(subject, identity.Id.ToString("N"), userinfo, new Dictionary<string, string> { [SocleClaims.PatientId] = identity.Id.ToString("N") });
    }

    private static JsonArray Exercises(Professional professional) => new(professional.Activities
        .GroupBy(a => a.Profession.Code)
        .Select(g =>
        {
            var first = g.First();
            var specialty = professional.Specialties.FirstOrDefault(s => s.ProfessionCode == g.Key);
            return (JsonNode?)new JsonObject
            {
                ["codeProfession"] = g.Key,
                ["codeCategorieProfessionnelle"] = first.Category?.Code,
                ["codeCiviliteDexercice"] = professional.ExerciseCivility?.Code,
                ["nomDexercice"] = professional.FamilyName,
                ["prenomDexercice"] = professional.GivenName,
                ["codeTypeSavoirFaire"] = specialty?.Type.Code,
                ["codeSavoirFaire"] = SpecialtyCode(professional, g.Key, first),
                ["activities"] = new JsonArray(g.Select(a => (JsonNode?)ActivityNode(a)).ToArray()),
            };
        }).ToArray());

    /// <summary>A professional's savoir-faire for a profession: from the SavoirFaire extract, else the activity's line.</summary>
    private static string? SpecialtyCode(Professional professional, string professionCode, Activity activity) =>
        professional.Specialties.FirstOrDefault(s => s.ProfessionCode == professionCode)?.Value.Code ?? activity.SavoirFaire?.Code;

    private static JsonObject ActivityNode(Activity a) => new()
    {
        ["identifiantActivite"] = a.Id,
        ["codeModeExercice"] = a.Mode?.Code,
        ["codeSecteurDactivite"] = a.Sector?.Code,
        ["codeSectionPharmacien"] = a.PharmacistSection?.Code,
        ["codeRole"] = a.Role?.Code,
        ["codeGenreActivite"] = a.Genre?.Code,
        ["numeroSiretSite"] = a.Structure?.Siret,
        ["numeroSirenSite"] = a.Structure?.Siren,
        ["numeroFinessSite"] = a.Structure?.FinessSite,
        ["numeroFinessetablissementJuridique"] = a.Structure?.FinessLegalEntity,
        ["identifiantTechniqueDeLaStructure"] = a.Structure?.TechnicalId,
        ["raisonSocialeSite"] = a.Structure?.Name,
        ["enseigneCommercialeSite"] = a.Structure?.CommercialName,
        ["libelleVoie"] = a.Structure?.AddressLine,
        ["codePostal"] = a.Structure?.PostalCode,
        ["bureauCedex"] = a.Structure is { PostalCode: not null, City: not null } s ? $"{s.PostalCode} {s.City}" : null,
        ["telephone"] = a.Structure?.Phone,
        ["adresseEMail"] = a.Structure?.Email,
        ["autoriteDenregistrement"] = a.Structure is null ? null : "RPPS",
    };

    /// <summary>Drops null members: absent, not null, is how PSC leaves out what a professional does not have.</summary>
    private static JsonObject Prune(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            switch (value)
            {
                case null:
                    node.Remove(key);
                    break;
                case JsonObject child:
                    Prune(child);
                    break;
                case JsonArray array:
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        Prune(item);
                    }

                    break;
            }
        }

        return node;
    }
}
