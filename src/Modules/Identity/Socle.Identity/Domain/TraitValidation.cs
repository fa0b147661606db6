using System.Globalization;
using Socle.BuildingBlocks.Errors;

namespace Socle.Identity.Domain;

/// <summary>Checks and normalises trait values coming from outside; every failure names the trait.</summary>
internal static class TraitValidation
{
    public static string FamilyName(string? value, string trait = "family")
    {
        var form = InsName.ToInsForm(value, InsName.MaxFamilyLength, out var error);
        return form ?? throw IdentityErrors.InvalidName.WithMessage($"The {trait} name {error}.").ToException();
    }

    public static string GivenNames(string? value, string trait = "given")
    {
        var form = InsName.ToInsForm(value, InsName.MaxGivenNamesLength, out var error);
        return form ?? throw IdentityErrors.InvalidName.WithMessage($"The {trait} name(s) {error}.").ToException();
    }

    public static DateOnly BirthDate(string? value, TimeProvider clock)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw IdentityErrors.InvalidBirthDate.WithMessage($"The birth date '{value}' is not a date of the form YYYY-MM-DD.").ToException();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date > today)
        {
            throw IdentityErrors.InvalidBirthDate.WithMessage($"The birth date {value} is in the future.").ToException();
        }

        return date.Year < 1880
            ? throw IdentityErrors.InvalidBirthDate.WithMessage($"The birth date {value} is before 1880.").ToException()
            : date;
    }

    public static Gender Gender(string? value, bool insTraits)
    {
        var gender = GenderCodes.FromFhir(value);
        if (gender is null || (insTraits && gender == Domain.Gender.Unknown))
        {
            var allowed = insTraits ? "male or female" : "male, female or unknown";
            throw IdentityErrors.InvalidGender.WithMessage($"The gender '{value}' is not {allowed}.").ToException();
        }

        return gender.Value;
    }

    public static string? Birthplace(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var error = Birthplaces.ValidateCode(value);
        return error is null ? value : throw IdentityErrors.InvalidBirthplace.WithMessage($"Unknown place-of-birth code: {error}.").ToException();
    }

    /// <summary>Validates an INS given as system + value; returns the OID.</summary>
    public static string Ins(string? system, string? value)
    {
        var oid = InsOids.OidOf(system);
        if (oid is null || !InsOids.IsInsOid(oid))
        {
            throw IdentityErrors.WrongInsOid.WithMessage(
                $"'{system}' is not an INS assigning authority; use urn:oid: with one of {string.Join(", ", InsOids.All)}.").ToException();
        }

        var nirError = Nir.Validate(value);
        return nirError is null ? oid : throw IdentityErrors.InvalidNir.WithMessage($"Invalid INS matricule: {nirError}.").ToException();
    }

    public static DomainException Missing(string name) =>
        IdentityErrors.MissingParameter.WithMessage($"The parameter '{name}' is required.").ToException();
}
