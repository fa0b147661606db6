namespace Socle.Identity.Features.Insi;

/// <summary>The five INS traits of an INSi operation's input (family, given, birthdate, gender; birthplace optional).</summary>
internal static class InsiTraitsReader
{
    public static readonly string[] Names = ["family", "given", "birthdate", "gender", "birthplace"];

    public static InsTraits Read(ParametersReader input, TimeProvider clock)
    {
        var family = input.Text("family");
        var given = input.Text("given");
        var birthDate = input.Text("birthdate");
        var gender = input.Text("gender");
        if (family is null || given is null || birthDate is null || gender is null)
        {
            throw IdentityErrors.InvalidTraitsForInsi.ToException();
        }

        return new InsTraits(
            TraitValidation.FamilyName(family, "birth family"),
            TraitValidation.GivenNames(given, "birth given"),
            TraitValidation.BirthDate(birthDate, clock),
            TraitValidation.Gender(gender, insTraits: true),
            TraitValidation.Birthplace(input.Text("birthplace")));
    }
}
