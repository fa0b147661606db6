namespace Socle.Directory.Storage;

/// <summary>
/// One versioned table of the directory. Every row is one version of one record: <c>Key</c> names the record,
/// <c>ValidFrom</c>/<c>ValidTo</c> (Unix ms) bound the version, the current one has no <c>ValidTo</c>. The import,
/// the schema migration and the EF mapping all read their columns from here.
/// </summary>
internal sealed class DirectoryTable
{
    public static readonly DirectoryTable Persons = new(1, "persons", "directory_persons",
        ["IdType", "Identifier", "CivilityExCode", "CivilityExLabel", "CivilityCode", "CivilityLabel", "FamilyName", "GivenName", "FamilyKey", "GivenKey"],
        [["FamilyKey", "GivenKey", "Id"], ["GivenKey"], ["Identifier"]]);

    public static readonly DirectoryTable Structures = new(2, "structures", "directory_structures",
        ["IdNat", "Siret", "Siren", "FinessSite", "FinessLegal", "Name", "CommercialName", "AddressComplement", "GeoComplement",
            "StreetNumber", "StreetRepeat", "StreetTypeCode", "StreetTypeLabel", "StreetName", "Distribution", "Cedex",
            "PostalCode", "CityCode", "City", "CountryCode", "Country", "Phone", "Phone2", "Fax", "Email",
            "DepartmentCode", "Department", "OldId", "RegistrationAuthority", "NameKey", "CityKey"],
        [["FinessSite"], ["FinessLegal"], ["IdNat"], ["Siret"], ["NameKey", "Id"], ["CityKey", "Id"], ["PostalCode", "Id"]]);

    public static readonly DirectoryTable Activities = new(3, "activities", "directory_activities",
        ["PublicId", "IdNat", "StructureKey", "ProfessionCode", "ProfessionLabel", "CategoryCode", "CategoryLabel",
            "SavoirFaireTypeCode", "SavoirFaireTypeLabel", "SavoirFaireCode", "SavoirFaireLabel", "ModeCode", "ModeLabel",
            "SectorCode", "SectorLabel", "PharmacistSectionCode", "PharmacistSectionLabel", "RoleCode", "RoleLabel",
            "GenreCode", "GenreLabel"],
        [["PublicId"], ["IdNat"], ["StructureKey"]]);

    public static readonly DirectoryTable Specialties = new(4, "specialties", "directory_specialties",
        ["IdNat", "ProfessionCode", "TypeCode", "TypeLabel", "Code", "Label"],
        [["IdNat"], ["Code"]]);

    public static readonly DirectoryTable Diplomas = new(5, "diplomas", "directory_diplomas",
        ["IdNat", "DiplomaTypeCode", "DiplomaTypeLabel", "DiplomaCode", "DiplomaLabel", "AuthorisationTypeCode",
            "AuthorisationTypeLabel", "DisciplineCode", "DisciplineLabel"],
        [["IdNat"]]);

    public static readonly DirectoryTable Mailboxes = new(6, "mailboxes", "directory_mailboxes",
        ["Address", "Type", "IdNatPs", "StructureIdType", "StructureId", "Service", "Dematerialisation", "RedList",
            "Civility", "FamilyName", "GivenName", "ProfessionCode", "SavoirFaireCode", "StructureName"],
        [["IdNatPs"], ["StructureId"]]);

    public static readonly IReadOnlyList<DirectoryTable> All = [Persons, Structures, Activities, Specialties, Diplomas, Mailboxes];

    /// <summary>The widest table's field count: the staging table has that many value columns.</summary>
    public static readonly int MaxFields = All.Max(t => t.Fields.Count);

    private DirectoryTable(int code, string entity, string name, string[] fields, string[][] searchIndexes)
    {
        Code = code;
        Entity = entity;
        Name = name;
        Fields = fields;
        SearchIndexes = searchIndexes;
    }

    /// <summary>The table's number in the staging table.</summary>
    public int Code { get; }

    /// <summary>What the import report calls these records.</summary>
    public string Entity { get; }

    public string Name { get; }

    /// <summary>The text columns after Id, Key, Hash, ValidFrom, ValidTo and ImportId, in staging order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Indexes over the current versions only (partial, <c>ValidTo IS NULL</c>).</summary>
    public IReadOnlyList<string[]> SearchIndexes { get; }
}
