using Socle.Directory.Storage;

namespace Socle.Directory.Lookup;

/// <summary>From stored records to the contract types other modules see.</summary>
internal static class DirectoryMapping
{
    public static Professional ToProfessional(
        PersonRecord person, IReadOnlyList<ActivityRecord> activities, IReadOnlyDictionary<string, StructureRecord> structures,
        IReadOnlyList<SpecialtyRecord> specialties, IReadOnlyList<string> mailboxes) =>
        new(
            person.Key,
            person.IdType ?? string.Empty,
            person.Identifier ?? string.Empty,
            Coded(person.CivilityExCode, person.CivilityExLabel),
            person.FamilyName,
            person.GivenName,
            specialties.Select(s => new Specialty(s.ProfessionCode ?? string.Empty, Coded(s.TypeCode, s.TypeLabel) ?? new CodedValue(string.Empty, null), new CodedValue(s.Code ?? string.Empty, s.Label))).ToList(),
            activities.Select(a => new Activity(
                a.PublicId ?? string.Empty,
                new CodedValue(a.ProfessionCode ?? string.Empty, a.ProfessionLabel),
                Coded(a.CategoryCode, a.CategoryLabel),
                Coded(a.SavoirFaireCode, a.SavoirFaireLabel),
                Coded(a.ModeCode, a.ModeLabel),
                Coded(a.SectorCode, a.SectorLabel),
                Coded(a.PharmacistSectionCode, a.PharmacistSectionLabel),
                Coded(a.RoleCode, a.RoleLabel),
                Coded(a.GenreCode, a.GenreLabel),
                a.StructureKey is { } key && structures.TryGetValue(key, out var structure) ? ToStructure(structure) : null)).ToList(),
            mailboxes);

    public static Structure ToStructure(StructureRecord s) =>
        new(s.Key, s.IdNat ?? s.Key, s.FinessSite, s.FinessLegal, s.Siret, s.Siren, s.Name, s.CommercialName, AddressLine(s), s.PostalCode, s.City, s.Phone, s.Email);

    public static Mailbox ToMailbox(MailboxRecord m) =>
        new(m.Address ?? m.Key, m.Type ?? string.Empty, m.IdNatPs, m.StructureId, m.Service, m.RedList == "1");

    /// <summary>Number, repetition index, street type and name, as one postal line.</summary>
    public static string? AddressLine(StructureRecord s)
    {
        var parts = new[] { s.StreetNumber, s.StreetRepeat, s.StreetTypeLabel, s.StreetName }.Where(p => !string.IsNullOrEmpty(p));
        var line = string.Join(' ', parts);
        return line.Length == 0 ? null : line;
    }

    private static CodedValue? Coded(string? code, string? label) => string.IsNullOrEmpty(code) ? null : new CodedValue(code, label);
}
