namespace Socle.Record.Access;

/// <summary>
/// The documents of a record a caller may see, as a query: the same rules as <see cref="AccessPolicy.Shows"/>, pushed
/// into SQL so that paging counts only what the caller sees. Endpoints check <see cref="AccessPolicy.Shows"/> again.
/// </summary>
internal static class VisibleDocuments
{
    private const int HiddenFromProfessionals = (int)Visibility.HiddenFromProfessionals;
    private const int HiddenFromPatient = (int)Visibility.HiddenFromPatient;
    private const int HiddenFromHolders = (int)(Visibility.HiddenFromPatient | Visibility.HiddenFromRepresentatives);

    public static IQueryable<DocumentEntry> For(IQueryable<DocumentEntry> documents, RecordScope scope, ReadReach reach, AccessMatrix matrix)
    {
        var query = documents.Where(x => x.RecordId == scope.Record.Id && x.DeletedAtMs == null);
        var me = scope.Access.IdNat;
        switch (scope.Access.Kind)
        {
            case CallerKind.Patient:
                return query.Where(x => (x.Visibility & HiddenFromPatient) == 0);
            case CallerKind.Representative:
                return query.Where(x => (x.Visibility & HiddenFromHolders) == 0);
        }

        if (reach == ReadReach.OwnDocuments)
        {
            return query.Where(x => x.AuthorIdNat == me);
        }

        var seesMasked = reach == ReadReach.CareTeam && scope.Standing.MedecinTraitant;
        var types = matrix.ReadableTypes(scope.Access.Profession!, scope.Access.Specialty, scope.Access.PharmacistSection);
        return (types, seesMasked) switch
        {
            (null, true) => query,
            (null, false) => query.Where(x => x.AuthorIdNat == me || (x.Visibility & HiddenFromProfessionals) == 0),
            (_, true) => query.Where(x => x.AuthorIdNat == me || types.Contains(x.TypeCode)),
            _ => query.Where(x => x.AuthorIdNat == me || (types.Contains(x.TypeCode) && (x.Visibility & HiddenFromProfessionals) == 0)),
        };
    }
}
