namespace Socle.Directory.Storage;

/// <summary>One version of a directory record (see <see cref="DirectoryTable"/>).</summary>
internal abstract class DirectoryRecord
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public long Hash { get; set; }

    public long ValidFrom { get; set; }

    public long? ValidTo { get; set; }

    public long ImportId { get; set; }
}

internal sealed class PersonRecord : DirectoryRecord
{
    public string? IdType { get; set; }

    public string? Identifier { get; set; }

    public string? CivilityExCode { get; set; }

    public string? CivilityExLabel { get; set; }

    public string? CivilityCode { get; set; }

    public string? CivilityLabel { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyKey { get; set; }

    public string? GivenKey { get; set; }
}

internal sealed class StructureRecord : DirectoryRecord
{
    public string? IdNat { get; set; }

    public string? Siret { get; set; }

    public string? Siren { get; set; }

    public string? FinessSite { get; set; }

    public string? FinessLegal { get; set; }

    public string? Name { get; set; }

    public string? CommercialName { get; set; }

    public string? AddressComplement { get; set; }

    public string? GeoComplement { get; set; }

    public string? StreetNumber { get; set; }

    public string? StreetRepeat { get; set; }

    public string? StreetTypeCode { get; set; }

    public string? StreetTypeLabel { get; set; }

    public string? StreetName { get; set; }

    public string? Distribution { get; set; }

    public string? Cedex { get; set; }

    public string? PostalCode { get; set; }

    public string? CityCode { get; set; }

    public string? City { get; set; }

    public string? CountryCode { get; set; }

    public string? Country { get; set; }

    public string? Phone { get; set; }

    public string? Phone2 { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    public string? DepartmentCode { get; set; }

    public string? Department { get; set; }

    public string? OldId { get; set; }

    public string? RegistrationAuthority { get; set; }

    public string? NameKey { get; set; }

    public string? CityKey { get; set; }
}

internal sealed class ActivityRecord : DirectoryRecord
{
    public string? PublicId { get; set; }

    public string? IdNat { get; set; }

    public string? StructureKey { get; set; }

    public string? ProfessionCode { get; set; }

    public string? ProfessionLabel { get; set; }

    public string? CategoryCode { get; set; }

    public string? CategoryLabel { get; set; }

    public string? SavoirFaireTypeCode { get; set; }

    public string? SavoirFaireTypeLabel { get; set; }

    public string? SavoirFaireCode { get; set; }

    public string? SavoirFaireLabel { get; set; }

    public string? ModeCode { get; set; }

    public string? ModeLabel { get; set; }

    public string? SectorCode { get; set; }

    public string? SectorLabel { get; set; }

    public string? PharmacistSectionCode { get; set; }

    public string? PharmacistSectionLabel { get; set; }

    public string? RoleCode { get; set; }

    public string? RoleLabel { get; set; }

    public string? GenreCode { get; set; }

    public string? GenreLabel { get; set; }
}

internal sealed class SpecialtyRecord : DirectoryRecord
{
    public string? IdNat { get; set; }

    public string? ProfessionCode { get; set; }

    public string? TypeCode { get; set; }

    public string? TypeLabel { get; set; }

    public string? Code { get; set; }

    public string? Label { get; set; }
}

internal sealed class DiplomaRecord : DirectoryRecord
{
    public string? IdNat { get; set; }

    public string? DiplomaTypeCode { get; set; }

    public string? DiplomaTypeLabel { get; set; }

    public string? DiplomaCode { get; set; }

    public string? DiplomaLabel { get; set; }

    public string? AuthorisationTypeCode { get; set; }

    public string? AuthorisationTypeLabel { get; set; }

    public string? DisciplineCode { get; set; }

    public string? DisciplineLabel { get; set; }
}

internal sealed class MailboxRecord : DirectoryRecord
{
    public string? Address { get; set; }

    public string? Type { get; set; }

    public string? IdNatPs { get; set; }

    public string? StructureIdType { get; set; }

    public string? StructureId { get; set; }

    public string? Service { get; set; }

    public string? Dematerialisation { get; set; }

    /// <summary>"1" when the mailbox is on the red list (not published); the public extract never carries those.</summary>
    public string? RedList { get; set; }

    public string? Civility { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenName { get; set; }

    public string? ProfessionCode { get; set; }

    public string? SavoirFaireCode { get; set; }

    public string? StructureName { get; set; }
}

/// <summary>One import run, published or refused.</summary>
internal sealed class ImportRun
{
    public long Id { get; set; }

    public long StartedAt { get; set; }

    public long FinishedAt { get; set; }

    public required string Status { get; set; }

    public required string Files { get; set; }

    public long RowsRead { get; set; }

    public long RowsRejected { get; set; }

    public string? Summary { get; set; }
}
