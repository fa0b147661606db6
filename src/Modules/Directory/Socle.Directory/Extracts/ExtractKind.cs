namespace Socle.Directory.Extracts;

/// <summary>
/// The public extract files of the Annuaire Santé that Socle reads and writes, with their exact published
/// columns. A file is recognised by its header line; the file name prefix is what the national site uses.
/// </summary>
internal sealed class ExtractKind
{
    public static readonly ExtractKind PersonActivity = new("PS_LibreAcces_Personne_activite",
    [
        "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Code civilité d'exercice",
        "Libellé civilité d'exercice", "Code civilité", "Libellé civilité", "Nom d'exercice", "Prénom d'exercice",
        "Code profession", "Libellé profession", "Code catégorie professionnelle", "Libellé catégorie professionnelle",
        "Code type savoir-faire", "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire",
        "Code mode exercice", "Libellé mode exercice", "Numéro SIRET site", "Numéro SIREN site", "Numéro FINESS site",
        "Numéro FINESS établissement juridique", "Identifiant technique de la structure", "Raison sociale site",
        "Enseigne commerciale site", "Complément destinataire (coord. structure)",
        "Complément point géographique (coord. structure)", "Numéro Voie (coord. structure)",
        "Indice répétition voie (coord. structure)", "Code type de voie (coord. structure)",
        "Libellé type de voie (coord. structure)", "Libellé Voie (coord. structure)",
        "Mention distribution (coord. structure)", "Bureau cedex (coord. structure)", "Code postal (coord. structure)",
        "Code commune (coord. structure)", "Libellé commune (coord. structure)", "Code pays (coord. structure)",
        "Libellé pays (coord. structure)", "Téléphone (coord. structure)", "Téléphone 2 (coord. structure)",
        "Télécopie (coord. structure)", "Adresse e-mail (coord. structure)", "Code Département (structure)",
        "Libellé Département (structure)", "Ancien identifiant de la structure", "Autorité d'enregistrement",
        "Code secteur d'activité", "Libellé secteur d'activité", "Code section tableau pharmaciens",
        "Libellé section tableau pharmaciens", "Code rôle", "Libellé rôle", "Code genre activité", "Libellé genre activité",
    ]);

    // The column list of this file is not published in a source we could verify; it follows the
    // Personne_activite naming for the same fields (decision 0010).
    public static readonly ExtractKind SavoirFaire = new("PS_LibreAcces_SavoirFaire",
    [
        "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Nom d'exercice", "Prénom d'exercice",
        "Code profession", "Libellé profession", "Code catégorie professionnelle", "Libellé catégorie professionnelle",
        "Code type savoir-faire", "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire",
    ]);

    public static readonly ExtractKind Diplomas = new("PS_LibreAcces_Dipl_AutExerc",
    [
        "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP", "Nom d'exercice", "Prénom d'exercice",
        "Code type diplôme obtenu", "Libellé type diplôme obtenu", "Code diplôme obtenu", "Libellé diplôme obtenu",
        "Code type autorisation", "Libellé type autorisation", "Code discipline autorisation", "Libellé discipline autorisation",
    ]);

    public static readonly ExtractKind Mailboxes = new("Extraction_Correspondance_MSSante",
    [
        "Type de BAL", "Adresse BAL", "Type Identifiant PP", "Identifiant PP", "Identification nationale PP",
        "Type identifiant structure", "Identification Structure", "Service de rattachement", "Civilité d'exercice",
        "Nom d'exercice", "Prénom d'exercice", "Catégorie profession", "Libellé de catégorie profession", "Code Profession",
        "Libellé Profession", "Code savoir-faire", "Libellé savoir-faire", "Dématérialisation", "Raison Sociale structure BAL",
        "Enseigne commerciale structure BAL", "L2COMPLEMENTLOCALISATION", "L3COMPLEMENTDISTRIBUTION", "L4NUMEROVOIE",
        "L4COMPLEMENTNUMEROVOIE", "NL4TYPEVOIE", "L4LIBELLEVOIE", "L5LIEUDITMENTION", "L6LIGNEACHEMINEMENT", "Code postal",
        "Département", "Pays",
    ]);

    public static readonly IReadOnlyList<ExtractKind> All = [PersonActivity, SavoirFaire, Diplomas, Mailboxes];

    private readonly string normalisedHeader;

    private ExtractKind(string filePrefix, string[] columns)
    {
        FilePrefix = filePrefix;
        Columns = columns;
        normalisedHeader = NormaliseHeader(string.Join('|', columns));
    }

    /// <summary>The published file name prefix, followed by <c>_YYYYMMDDhhmm.txt</c>.</summary>
    public string FilePrefix { get; }

    public IReadOnlyList<string> Columns { get; }

    public string HeaderLine => string.Join('|', Columns);

    /// <summary>The kind whose header this is (case, accents and a trailing separator aside), or null.</summary>
    public static ExtractKind? FromHeader(string header)
    {
        var normalised = NormaliseHeader(header);
        return All.FirstOrDefault(k => k.normalisedHeader == normalised);
    }

    public static ExtractKind? FromFileName(string fileName) =>
        All.FirstOrDefault(k => Path.GetFileName(fileName).StartsWith(k.FilePrefix, StringComparison.OrdinalIgnoreCase));

    private static string NormaliseHeader(string header) =>
        Domain.SearchText.Fold(header.Trim().TrimEnd('|')) ?? string.Empty;
}
