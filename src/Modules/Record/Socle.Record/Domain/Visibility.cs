namespace Socle.Record.Domain;

/// <summary>DMP visibility of a document (TRE_A07), stored as the bit flags the DMP connectors use.</summary>
[Flags]
internal enum Visibility
{
    Visible = 0,

    /// <summary>MASQUE_PS: hidden from professionals other than the author and the médecin traitant.</summary>
    HiddenFromProfessionals = 1,

    /// <summary>INVISIBLE_PATIENT: not yet visible to the patient (to be announced in person first).</summary>
    HiddenFromPatient = 2,

    /// <summary>INVISIBLE_REPRESENTANTS_LEGAUX: hidden from the legal representatives of a minor.</summary>
    HiddenFromRepresentatives = 4,
}

internal static class VisibilityCodes
{
    public const string MasquePs = "MASQUE_PS";
    public const string InvisiblePatient = "INVISIBLE_PATIENT";
    public const string InvisibleRepresentants = "INVISIBLE_REPRESENTANTS_LEGAUX";

    public static readonly IReadOnlyDictionary<string, Visibility> ByCode = new Dictionary<string, Visibility>(StringComparer.Ordinal)
    {
        [MasquePs] = Visibility.HiddenFromProfessionals,
        [InvisiblePatient] = Visibility.HiddenFromPatient,
        [InvisibleRepresentants] = Visibility.HiddenFromRepresentatives,
    };

    public static IEnumerable<string> CodesOf(Visibility visibility) =>
        ByCode.Where(kv => visibility.HasFlag(kv.Value)).Select(kv => kv.Key);
}
