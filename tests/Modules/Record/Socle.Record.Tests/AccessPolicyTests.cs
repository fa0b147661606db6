using Socle.Record.Domain;

namespace Socle.Record.Tests;

/// <summary>
/// The access rules as a decision table, walked exhaustively: caller kind × profession × document type × visibility ×
/// authorship × patient settings × care-team status × break-the-glass. The expected answer is the wording of
/// the rules, written independently of <see cref="AccessPolicy"/>.
/// </summary>
public sealed class AccessPolicyTests
{
    private const string Me = "810000000001";
    private const string Other = "810000000002";
    /// <summary>Professions, with a doctor's specialty and pharmacists' sections of the Ordre (officine, hospital).</summary>
    private static readonly (string Profession, string? Specialty, string? Section)[] Roles =
        [("10", null, null), ("10", "SM54", null), ("21", null, "A"), ("21", null, "H"), ("60", null, null), ("50", null, null), ("40", null, null), ("70", null, null), ("91", null, null), ("93", null, null)];
    private static readonly AccessMatrix Matrix = AccessMatrix.Default();
    private readonly AccessPolicy policy = new(Matrix);

    [Fact]
    public void Every_combination_of_the_decision_table_matches_the_rules()
    {
        var checkedCases = 0;
        var shown = 0;
        foreach (var kind in Enum.GetValues<CallerKind>())
        {
            foreach (var role in kind == CallerKind.Professional ? Roles : [default])
            {
                var caller = kind == CallerKind.Professional
                    ? new AccessCaller(kind, Me, role.Profession, role.Specialty, role.Section)
                    : new AccessCaller(kind, null, null);
                foreach (var standing in Standings())
                {
                    foreach (var type in ValueSets.Types.Keys)
                    {
                        for (var flags = 0; flags < 8; flags++)
                        {
                            foreach (var author in new[] { Me, Other, null })
                            {
                                foreach (var deleted in new[] { false, true })
                                {
                                    var document = new DocumentFacts(type, (Visibility)flags, author, deleted);
                                    var decision = policy.Read(caller, standing, ownDocumentsOnly: author == Me && caller.IsProfessional);
                                    var actual = decision.Allowed && policy.Shows(caller, standing, decision.Reach, document);
                                    Assert.True(Expected(caller, standing, document) == actual, $"{caller} {standing} {document}: expected {!actual}");
                                    Assert.True(actual == policy.Sees(caller, standing, document), $"{caller} {standing} {document}: Sees differs from a read");
                                    checkedCases++;
                                    shown += actual ? 1 : 0;
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.True(checkedCases > 500_000, $"{checkedCases} cases");
        Assert.InRange(shown, checkedCases / 20, checkedCases / 2);
    }

    [Fact]
    public void The_medecin_traitant_sees_masked_documents_break_the_glass_does_not()
    {
        var doctor = new AccessCaller(CallerKind.Professional, Me, "10");
        var masked = new DocumentFacts("11490-0", Visibility.HiddenFromProfessionals, Other, false);
        var treating = new RecordStanding(false, false, false, false, MedecinTraitant: true, false);
        var emergency = new RecordStanding(false, false, false, false, false, BreakTheGlass: true);
        Assert.True(policy.Shows(doctor, treating, policy.Read(doctor, treating, false).Reach, masked));
        Assert.Equal(ReadReach.Emergency, policy.Read(doctor, emergency, false).Reach);
        Assert.False(policy.Shows(doctor, emergency, ReadReach.Emergency, masked));
        Assert.True(policy.Shows(doctor, emergency, ReadReach.Emergency, masked with { Visibility = Visibility.Visible }));
    }

    [Fact]
    public void Refusals_name_the_rule_that_refused()
    {
        var nurse = new AccessCaller(CallerKind.Professional, Me, "60");
        Assert.Equal("RECORD-0013", policy.Read(nurse, new RecordStanding(false, false, Blocked: true, Authorised: true, false, false), false).Refusal!.Code);
        Assert.Equal("RECORD-0014", policy.Read(nurse, new RecordStanding(false, false, false, false, false, false), false).Refusal!.Code);
        Assert.Equal("RECORD-0011", policy.Read(nurse, new RecordStanding(Closed: true, false, false, true, false, false), false).Refusal!.Code);
        Assert.Equal("RECORD-0014", policy.Read(nurse, new RecordStanding(false, EmergencyAccessForbidden: true, false, false, false, BreakTheGlass: true), false).Refusal!.Code);
        Assert.Equal("RECORD-0015", AccessPolicy.BreakTheGlass(nurse, new RecordStanding(false, true, false, false, false, false))!.Code);
    }

    [Fact]
    public void A_patient_changes_only_masking_the_author_changes_every_visibility()
    {
        var open = new RecordStanding(false, false, false, false, false, false);
        var patient = new AccessCaller(CallerKind.Patient, null, null);
        var author = new AccessCaller(CallerKind.Professional, Me, "10");
        var document = new DocumentFacts("11490-0", Visibility.Visible, Me, false);
        Assert.Null(AccessPolicy.ChangeVisibility(patient, open, document, Visibility.HiddenFromProfessionals));
        Assert.NotNull(AccessPolicy.ChangeVisibility(patient, open, document, Visibility.HiddenFromRepresentatives));
        Assert.Null(AccessPolicy.ChangeVisibility(author, open, document, Visibility.HiddenFromPatient));
        Assert.NotNull(AccessPolicy.ChangeVisibility(author with { IdNat = Other }, open, document, Visibility.HiddenFromProfessionals));
        Assert.Null(AccessPolicy.Delete(patient, open, document));
        Assert.NotNull(AccessPolicy.Amend(patient, open, document));
        Assert.NotNull(AccessPolicy.Deposit(patient, open, "10"));
        Assert.Null(AccessPolicy.Deposit(patient, open, "90"));
        Assert.Equal("RECORD-0013", AccessPolicy.Deposit(author, open with { Blocked = true }, "10")!.Code);
    }

    [Fact]
    public void A_matrix_file_with_an_unknown_type_or_no_default_row_is_refused()
    {
        Assert.Throws<FormatException>(() => AccessMatrix.Parse(new StringReader("10|*\ndefault|99999-9\n")));
        Assert.Throws<FormatException>(() => AccessMatrix.Parse(new StringReader("10|*\n")));
        var custom = AccessMatrix.Parse(new StringReader("# only doctors\n10|*\ndefault|\n"));
        Assert.True(custom.MayRead("10", "11502-2"));
        Assert.False(custom.MayRead("21", "11502-2"));
    }

    [Fact]
    public void A_specialty_or_a_pharmacist_section_row_replaces_the_professions_row_the_specialty_first()
    {
        var matrix = AccessMatrix.Parse(new StringReader(
            "10|*\n10 specialty=SM42|11488-4 60591-5\n21|11502-2\n21 section=H|11502-2 34874-8\n21 specialty=SM99|87273-9\ndefault|11506-3\n"));
        Assert.True(matrix.MayRead("10", "34874-8"));
        Assert.True(matrix.MayRead("10", "34874-8", specialty: "SM54"));
        Assert.False(matrix.MayRead("10", "34874-8", specialty: "SM42"));
        Assert.True(matrix.MayRead("10", "60591-5", specialty: "SM42"));
        Assert.Null(matrix.ReadableTypes("10", "SM54"));
        Assert.Equal(["11488-4", "60591-5"], matrix.ReadableTypes("10", "SM42")!.Order());
        Assert.True(matrix.MayRead("21", "34874-8", pharmacistSection: "H"));
        Assert.False(matrix.MayRead("21", "34874-8", pharmacistSection: "A"));
        Assert.False(matrix.MayRead("21", "34874-8"));
        Assert.Equal(["87273-9"], matrix.ReadableTypes("21", "SM99", "H")!);
        Assert.True(matrix.MayRead("60", "11506-3", "SM42", "H"));
        Assert.False(matrix.MayRead("60", "11488-4", "SM42", "H"));
    }

    [Fact]
    public void The_default_matrix_lets_hospital_pharmacists_read_perioperative_and_RCP_reports_not_officine_ones()
    {
        foreach (var type in new[] { "34874-8", "77436-4", "34794-8" })
        {
            Assert.True(Matrix.MayRead("21", type, pharmacistSection: "H"), type);
            Assert.False(Matrix.MayRead("21", type, pharmacistSection: "A"), type);
            Assert.False(Matrix.MayRead("21", type, pharmacistSection: "D"), type);
        }

        Assert.Equal(Matrix.ReadableTypes("21")!.Count + 3, Matrix.ReadableTypes("21", null, "H")!.Count);
        Assert.Subset(Matrix.ReadableTypes("21", null, "H")!.ToHashSet(), Matrix.ReadableTypes("21")!.ToHashSet());
    }

    [Theory]
    [InlineData("default section=H|11506-3")]
    [InlineData("21 section=|11506-3")]
    [InlineData("21 grade=H|11506-3")]
    [InlineData("21 section=H H|11506-3")]
    [InlineData("21 =H|11506-3")]
    [InlineData("21|11506-3\n21|11502-2")]
    [InlineData("21 section=H|11506-3\n21 section=H|11502-2")]
    public void A_malformed_or_repeated_row_is_refused(string rows)
    {
        var exception = Assert.Throws<FormatException>(() => AccessMatrix.Parse(new StringReader(rows + "\ndefault|\n")));
        Assert.Contains("line", exception.Message, StringComparison.Ordinal);
    }

    private static bool Expected(AccessCaller caller, RecordStanding record, DocumentFacts document)
    {
        if (record.Closed || document.Deleted)
        {
            return false;
        }

        var hiddenFromPatient = document.Visibility.HasFlag(Visibility.HiddenFromPatient);
        switch (caller.Kind)
        {
            case CallerKind.Patient:
                return !hiddenFromPatient;
            case CallerKind.Representative:
                return !hiddenFromPatient && !document.Visibility.HasFlag(Visibility.HiddenFromRepresentatives);
        }

        if (document.AuthorIdNat == caller.IdNat)
        {
            return true; // the author always sees what they deposited
        }

        var careTeam = record.Authorised || record.MedecinTraitant;
        var emergency = !careTeam && record.BreakTheGlass && !record.EmergencyAccessForbidden;
        var masked = document.Visibility.HasFlag(Visibility.HiddenFromProfessionals);
        return !record.Blocked
            && (careTeam || emergency)
            && Matrix.MayRead(caller.Profession!, document.Type, caller.Specialty, caller.PharmacistSection)
            && (!masked || (careTeam && record.MedecinTraitant));
    }

    private static IEnumerable<RecordStanding> Standings()
    {
        for (var bits = 0; bits < 64; bits++)
        {
            yield return new RecordStanding((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0);
        }
    }
}
