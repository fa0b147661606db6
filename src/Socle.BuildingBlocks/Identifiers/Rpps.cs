namespace Socle.BuildingBlocks.Identifiers;

/// <summary>
/// An RPPS number: 11 digits. The national identifier of a professional (IdNat_PS) is "8" followed by it
/// (<c>ProfessionalIds</c> in the Directory module).
/// The last digit is often described as a Luhn key, but published examples of the Annuaire guide fail that test,
/// so only the form is checked: rejecting real professionals on an unverified rule would be worse (decision 0010).
/// </summary>
public static class Rpps
{
    public static bool IsValid(string? value) => value is { Length: 11 } && value.All(char.IsAsciiDigit);
}
