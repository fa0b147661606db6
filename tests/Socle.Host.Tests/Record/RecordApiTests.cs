using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Socle.BuildingBlocks.Errors;
using Socle.BuildingBlocks.Fhir;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Connect.Contracts;
using Socle.Host.Tests.Connect;
using Socle.Host.Tests.Infrastructure;

namespace Socle.Host.Tests.Record;

/// <summary>The shared record through standard MHD calls, with tokens from Connect's code flow, on both stores.</summary>
public abstract class RecordApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SocleApiFactory
{
    private readonly RecordActors actors = new(factory);

    [Fact]
    public async Task Deposit_care_team_blocking_masking_break_the_glass_and_traces()
    {
        var (patient, ins) = await actors.PatientAsync(0);
        var doctors = await actors.DoctorsAsync(4);
        var author = await actors.ProfessionalAsync(doctors[0]);
        var colleague = await actors.ProfessionalAsync(doctors[1]);
        var blocked = await actors.ProfessionalAsync(doctors[2]);
        var emergency = await actors.ProfessionalAsync(doctors[3]);
        var patientQuery = $"patient.identifier={Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|" + ins)}";

        // A sandbox professional deposits a discharge letter (ITI-65).
        var letterCda = CdaDocuments.DischargeLetter(ins, doctors[0].IdNat);
        var deposit = await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctors[0].IdNat, letterCda)));
        var response = await Read<Bundle>(deposit, HttpStatusCode.OK);
        Assert.Equal("transaction-response", response.Type);
        var letterId = response.Entry![1].Response!.Location!["DocumentReference/".Length..];
        Assert.StartsWith("List/", response.Entry[0].Response!.Location, StringComparison.Ordinal);

        // Outside the care team: refused, with the rule; after the authorisation (TD0.3): found, read and retrieved.
        await (await colleague.GetAsync($"/fhir/DocumentReference?{patientQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0014");
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostAsync("/fhir/$add-authorisation", Fhir(PatientParameters(ins)))).StatusCode);
        var found = await Read<Bundle>(await colleague.GetAsync($"/fhir/DocumentReference?{patientQuery}&type=http://loinc.org|11490-0&status=current"));
        var letter = Assert.IsType<DocumentReference>(Assert.Single(found.Entry!).Resource);
        Assert.Equal(letterId, letter.Id);
        var retrieved = await colleague.GetAsync(letter.Content![0].Attachment!.Url);
        Assert.Equal(HttpStatusCode.OK, retrieved.StatusCode);
        Assert.Equal("text/xml", retrieved.Content.Headers.ContentType!.MediaType);
        Assert.Equal(letterCda, await retrieved.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/fhir/DocumentReference/{letterId}")).StatusCode);
        Assert.Single((await Read<Bundle>(await colleague.GetAsync($"/fhir/List?{patientQuery}"))).Entry!);

        // The patient blocks a professional: refused even after an authorisation.
        Assert.Equal(HttpStatusCode.OK, (await blocked.PostAsync("/fhir/$add-authorisation", Fhir(PatientParameters(ins)))).StatusCode);
        // Named by the RPPS number, the professional is blocked under the IdNat_PS (8 + RPPS) that their token carries.
        Assert.StartsWith("8", doctors[2].IdNat, StringComparison.Ordinal);
        var settings = await Read<Parameters>(await patient.PostAsync("/fhir/$record-settings", Fhir(PatientParameters(ins, ("block", doctors[2].IdNat[1..])))));
        Assert.Contains(settings.Parameter!, p => p.Name == "blocked" && p.ValueString == doctors[2].IdNat);
        await (await blocked.GetAsync($"/fhir/DocumentReference?{patientQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0013");
        await (await blocked.GetAsync($"/fhir/Binary/{letterId}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0013");

        // A level 3 lab report; then the patient masks the letter: hidden from the colleague, never from its author.
        var lab = CdaDocuments.LabReport(ins, doctors[0].IdNat);
        var labDeposit = await Read<Bundle>(await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctors[0].IdNat, lab, "11502-2", "10", "urn:ihe:lab:xd-lab:2008"))));
        var labId = labDeposit.Entry![1].Response!.Location!["DocumentReference/".Length..];
        var masked = await patient.PostAsync($"/fhir/DocumentReference/{letterId}/$update-visibility", Fhir(new Parameters { Parameter = [new ParametersParameter { Name = "masque-ps", ValueBoolean = true }] }));
        Assert.Contains((await Read<DocumentReference>(masked)).SecurityLabel!, l => l.Coding![0].Code == "MASQUE_PS");
        Assert.Equal(["11502-2"], await TypesAsync(colleague, patientQuery));
        await (await colleague.GetAsync($"/fhir/DocumentReference/{letterId}")).AssertOperationOutcomeAsync(HttpStatusCode.NotFound, "RECORD-0018");
        Assert.Equal(["11490-0", "11502-2"], (await TypesAsync(author, $"{patientQuery}&author.identifier={doctors[0].IdNat}")).Order().ToArray());

        // A replacement names its target: one hidden from the caller is answered as one that does not exist; one they see
        // but did not write is refused with the rule.
        StringContent ColleagueReplaces(string target) =>
            Fhir(CdaDocuments.Bundle(ins, doctors[1].IdNat, CdaDocuments.DischargeLetter(ins, doctors[1].IdNat), replaces: target));
        await (await colleague.PostAsync("/fhir", ColleagueReplaces(Guid.NewGuid().ToString("N")))).AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "RECORD-0021");
        await (await colleague.PostAsync("/fhir", ColleagueReplaces(letterId))).AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "RECORD-0021");
        await (await colleague.PostAsync("/fhir", ColleagueReplaces(labId))).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0017");

        // Break-the-glass: a reason, then the non-masked documents only; the patient is notified.
        await (await emergency.GetAsync($"/fhir/DocumentReference?{patientQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0014");
        var glass = await emergency.PostAsync("/fhir/$break-the-glass", Fhir(PatientParameters(ins, ("reason", "Patient inconscient admis aux urgences"))));
        Assert.Equal(HttpStatusCode.OK, glass.StatusCode);
        Assert.Equal(["11502-2"], await TypesAsync(emergency, patientQuery));
        var outbox = Path.Combine(factory.DataDirectory, "outbox");
        Assert.Contains(System.IO.Directory.GetFiles(outbox), f => File.ReadAllText(f).Contains("bris de glace", StringComparison.Ordinal));

        // The médecin traitant is a doctor of the directory: neither a pharmacist nor an unknown identifier.
        var pharmacist = (await actors.ProfessionalsAsync(1, "21"))[0];
        foreach (var notADoctor in new[] { pharmacist.IdNat, "899999999990" })
        {
            await (await patient.PostAsync("/fhir/$record-settings", Fhir(PatientParameters(ins, ("medecin-traitant", notADoctor)))))
                .AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "RECORD-0020");
        }

        // The médecin traitant sees masked documents.
        Assert.Equal(HttpStatusCode.OK, (await patient.PostAsync("/fhir/$record-settings", Fhir(PatientParameters(ins, ("medecin-traitant", doctors[1].IdNat))))).StatusCode);
        Assert.Equal(2, (await TypesAsync(colleague, patientQuery)).Count);

        // The patient sees every access, newest first; professionals do not read traces.
        var traces = await Read<Bundle>(await patient.GetAsync($"/fhir/AuditEvent?{patientQuery}"));
        var events = traces.Entry!.Select(e => (Socle.BuildingBlocks.Fhir.Model.AuditEvent)e.Resource!).ToList();
        var actions = events.Select(e => e.Subtype![0].Code).ToList();
        Assert.Equal("search", actions[0]);
        foreach (var action in new[] { "deposit", "search", "read", "retrieve", "authorise", "hide", "break-the-glass", "settings" })
        {
            Assert.Contains(action, actions);
        }

        Assert.Contains(events, e => e.Subtype![0].Code == "break-the-glass" && e.PurposeOfEvent![0].Coding![0].Code == "ETREAT" && e.Agent![0].Who!.Identifier!.Value == doctors[3].IdNat);
        Assert.Contains(events, e => e.Outcome == "4" && e.OutcomeDesc == "RECORD-0013");
        Assert.True(events.Zip(events.Skip(1)).All(p => long.Parse(p.First.Id!) > long.Parse(p.Second.Id!)));
        await (await colleague.GetAsync($"/fhir/AuditEvent?{patientQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0017");

        // The patient deletes the letter: gone for everyone, kept for the traces.
        Assert.Equal(HttpStatusCode.NoContent, (await patient.DeleteAsync($"/fhir/DocumentReference/{letterId}")).StatusCode);
        Assert.Equal(["11502-2"], await TypesAsync(author, $"{patientQuery}&author.identifier={doctors[0].IdNat}"));
        Assert.Contains("delete", (await Read<Bundle>(await patient.GetAsync($"/fhir/AuditEvent?{patientQuery}"))).Entry!.Select(e => ((Socle.BuildingBlocks.Fhir.Model.AuditEvent)e.Resource!).Subtype![0].Code));
    }

    [Fact]
    public async Task Idempotent_deposits_replacement_and_closed_records()
    {
        var (patient, ins) = await actors.PatientAsync(1);
        var doctor = (await actors.DoctorsAsync(5))[4];
        var author = await actors.ProfessionalAsync(doctor);
        var patientQuery = $"patient.identifier={Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|" + ins)}";
        var cda = CdaDocuments.DischargeLetter(ins, doctor.IdNat);
        var bundle = CdaDocuments.Bundle(ins, doctor.IdNat, cda, uniqueId: "urn:oid:1.2.250.1.213.1.1.9.424242" + ins);
        var first = await Read<Bundle>(await author.PostAsync("/fhir", Fhir(bundle)));
        var again = await author.PostAsync("/fhir", Fhir(bundle));
        Assert.Equal(first.Entry![1].Response!.Location, (await Read<Bundle>(again)).Entry![1].Response!.Location);
        var other = CdaDocuments.DischargeLetter(ins, doctor.IdNat);
        await (await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctor.IdNat, other, uniqueId: "urn:oid:1.2.250.1.213.1.1.9.424242" + ins))))
            .AssertOperationOutcomeAsync(HttpStatusCode.Conflict, "RECORD-0012");

        // The repeat and the conflict wrote their submission set before their document failed on its unique id, in one
        // batch: neither left it behind.
        Assert.Equal(1, await SubmissionSetCountAsync(ins));

        var oldId = first.Entry[1].Response!.Location!["DocumentReference/".Length..];
        var replacement = await Read<Bundle>(await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(
            ins, doctor.IdNat, CdaDocuments.DischargeLetter(ins, doctor.IdNat), replaces: oldId, tweak: d => d.Context!.Event = [CodeableConcept.Of("urn:oid:1.2.250.1.213.2.5", "E1")]))));
        var newId = replacement.Entry![1].Response!.Location!["DocumentReference/".Length..];
        var current = await Read<Bundle>(await author.GetAsync($"/fhir/DocumentReference?{patientQuery}&status=current&author.identifier={doctor.IdNat}"));
        var now = Assert.IsType<DocumentReference>(Assert.Single(current.Entry!).Resource);
        Assert.Equal(newId, now.Id);
        Assert.Equal($"DocumentReference/{oldId}", now.RelatesTo![0].Target!.ReferenceValue);
        Assert.Equal("superseded", (await Read<DocumentReference>(await author.GetAsync($"/fhir/DocumentReference/{oldId}"))).Status);
        var mine = $"{patientQuery}&author.identifier={doctor.IdNat}";
        Assert.Equal(2, (await TypesAsync(author, $"{mine}&date=2026-11")).Count);
        Assert.Equal(2, (await TypesAsync(author, $"{mine}&period=ge2026-11-19&date=le2026-11-20T13:30:00Z")).Count);
        Assert.Empty(await TypesAsync(author, $"{mine}&date=lt2026-11-20T13:30:00Z"));
        Assert.Empty(await TypesAsync(author, $"{mine}&date=9999"));
        Assert.Equal(2, (await TypesAsync(author, $"{mine}&date=le9999-12-31T23:59:59.9999999Z")).Count);
        await (await author.GetAsync($"/fhir/DocumentReference?{mine}&date=2026-13")).AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "SOCLE-0003");
        // Coded elements match by code in their own system (its OID or URL); another system matches nothing.
        Assert.Equal(2, (await TypesAsync(author, $"{mine}&category=10&setting=ETABLISSEMENT&facility=urn:oid:1.2.250.1.71.4.2.4|SA01")).Count);
        Assert.Equal(2, (await TypesAsync(author, $"{mine}&type=urn:oid:2.16.840.1.113883.6.1|11490-0")).Count);
        Assert.Empty(await TypesAsync(author, $"{mine}&facility=SA02"));
        Assert.Empty(await TypesAsync(author, $"{mine}&type=urn:oid:1.2.250.1.213.1.1.4.1|11490-0"));
        Assert.Empty(await TypesAsync(author, $"{mine}&category=http://loinc.org|10"));

        // An event code matches as written: LIKE's wildcards in it are plain characters.
        Assert.Single(await TypesAsync(author, $"{mine}&event=E1"));
        Assert.Empty(await TypesAsync(author, $"{mine}&event=E_"));
        Assert.Empty(await TypesAsync(author, $"{mine}&event=%25"));
        await (await author.GetAsync($"/fhir/DocumentReference?{mine}&event=E%201")).AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "RECORD-0020");

        // Opposition: nothing readable or writable; reopening restores it.
        Assert.Equal(HttpStatusCode.OK, (await patient.PostAsync("/fhir/$record-settings", Fhir(PatientParameters(ins, ("close", true))))).StatusCode);
        await (await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctor.IdNat, CdaDocuments.DischargeLetter(ins, doctor.IdNat)))))
            .AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0011");
        await (await patient.GetAsync($"/fhir/DocumentReference?{patientQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0011");
        Assert.Equal(HttpStatusCode.OK, (await patient.PostAsync("/fhir/$record-settings", Fhir(PatientParameters(ins, ("reopen", true))))).StatusCode);
        Assert.Single((await Read<Bundle>(await patient.GetAsync($"/fhir/DocumentReference?{patientQuery}&status=current"))).Entry!);
    }

    private async Task<int> SubmissionSetCountAsync(string ins)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Socle.Record.Storage.RecordDbContext>();
        return await db.SubmissionSets.CountAsync(s => db.Records.Any(r => r.Id == s.RecordId && r.Ins == ins));
    }

    [Fact]
    public async Task Bad_deposits_are_refused_with_the_reason_and_nothing_is_stored()
    {
        var (_, ins) = await actors.PatientAsync(2);
        var doctor = (await actors.DoctorsAsync(6))[5];
        var author = await actors.ProfessionalAsync(doctor);
        var good = CdaDocuments.DischargeLetter(ins, doctor.IdNat);
        long Count()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<Socle.Record.Storage.RecordDbContext>().Documents.LongCount();
        }

        var before = Count();
        var cases = new (Bundle Bundle, HttpStatusCode Status, string Code)[]
        {
            (CdaDocuments.Bundle(ins, doctor.IdNat, CdaDocuments.DischargeLetter(ins, doctor.IdNat, "<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")), HttpStatusCode.BadRequest, "RECORD-0006"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, Encoding.UTF8.GetBytes("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code>")), HttpStatusCode.BadRequest, "RECORD-0007"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, good, tweak: d => d.Content![0].Attachment!.Hash = new byte[20]), HttpStatusCode.BadRequest, "RECORD-0004"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, good, tweak: d => d.Content![0].Attachment!.Size = 12), HttpStatusCode.BadRequest, "RECORD-0005"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, good, tweak: d => d.Content![0].Attachment!.Url = "urn:uuid:ffffffff-0000-0000-0000-000000000000"), HttpStatusCode.BadRequest, "RECORD-0002"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, good, type: "99999-9"), HttpStatusCode.BadRequest, "RECORD-0003"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, good, type: "11502-2"), HttpStatusCode.UnprocessableEntity, "RECORD-0008"),
            (CdaDocuments.Bundle(ins, doctor.IdNat, CdaDocuments.DischargeLetter("299129999999912", doctor.IdNat)), HttpStatusCode.UnprocessableEntity, "RECORD-0008"),
            (CdaDocuments.Bundle("299129999999912", doctor.IdNat, CdaDocuments.DischargeLetter("299129999999912", doctor.IdNat)), HttpStatusCode.UnprocessableEntity, "RECORD-0010"),
        };
        foreach (var (bundle, status, code) in cases)
        {
            await (await author.PostAsync("/fhir", Fhir(bundle))).AssertOperationOutcomeAsync(status, code);
        }

        await (await author.PostAsync("/fhir", FhirContent.Of("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"fullUrl\":1}]}")))
            .AssertOperationOutcomeAsync(HttpStatusCode.BadRequest);
        await (await author.GetAsync("/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|123")).AssertOperationOutcomeAsync(HttpStatusCode.BadRequest, "RECORD-0020");
        await (await factory.CreateClient().GetAsync($"/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|{ins}")).AssertOperationOutcomeAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Legal_representatives_read_a_minors_record_except_what_is_hidden_from_them_and_secret_accesses()
    {
        var operatorClient = await SocleTestClient.CreateAsync(factory);
        var people = await factory.ReferenceIdentitiesAsync(2_600);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var child = people.Skip(2_000).First(p => DateOnly.Parse(p.BirthDate, CultureInfo.InvariantCulture).AddYears(18) > today.AddMonths(1));
        var minorIns = (await operatorClient.QualifyAsync(await operatorClient.CreatePatientAsync(child), child)).Identifier!.Single(i => i.System == "urn:oid:" + child.Oid).Value!;
        var (parent, parentIns) = await actors.PatientAsync(3);
        var doctor = (await actors.DoctorsAsync(7))[6];
        var pediatrician = await actors.ProfessionalAsync(doctor);
        var minorQuery = $"patient.identifier={Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|" + minorIns)}";

        Assert.Equal(HttpStatusCode.OK, (await pediatrician.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(minorIns, doctor.IdNat, CdaDocuments.DischargeLetter(minorIns, doctor.IdNat))))).StatusCode);
        var hidden = CdaDocuments.LabReport(minorIns, doctor.IdNat);
        var hiddenDeposit = await Read<Bundle>(await pediatrician.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(minorIns, doctor.IdNat, hidden, "11502-2", "10", "urn:ihe:lab:xd-lab:2008",
            tweak: d => d.SecurityLabel = [.. d.SecurityLabel!, CodeableConcept.Of("urn:oid:1.2.250.1.213.1.1.4.13", "INVISIBLE_REPRESENTANTS_LEGAUX")]))));
        var hiddenId = hiddenDeposit.Entry![1].Response!.Location!["DocumentReference/".Length..];

        // Not declared yet: the parent reaches their own record only, and learns nothing of other INS (one that no
        // qualified identity carries, a local id unknown here) from the refusal.
        await (await parent.GetAsync($"/fhir/DocumentReference?{minorQuery}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0024");
        await (await parent.GetAsync($"/fhir/DocumentReference?patient.identifier={Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|299129999999912")}"))
            .AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0024");
        await (await parent.GetAsync($"/fhir/DocumentReference?patient=Patient/{Guid.NewGuid():N}")).AssertOperationOutcomeAsync(HttpStatusCode.Forbidden, "RECORD-0024");
        await using (var scope = OperatorScope.Create(factory))
        {
            var administration = scope.ServiceProvider.GetRequiredService<Socle.Record.Contracts.IRecordAdministration>();
            await Assert.ThrowsAsync<DomainException>(() => administration.DeclareRepresentativeAsync(parentIns, minorIns, CancellationToken.None));
            await administration.DeclareRepresentativeAsync(minorIns, parentIns, CancellationToken.None);
        }

        // Declared: every document but the one hidden from representatives.
        Assert.Equal(["11490-0"], await TypesAsync(parent, minorQuery));

        // A consultation under the secret connection is traced, but not shown to the representatives.
        Assert.Equal(HttpStatusCode.OK, (await pediatrician.PostAsync("/fhir/$add-authorisation", Fhir(PatientParameters(minorIns)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pediatrician.GetAsync($"/fhir/DocumentReference?{minorQuery}")).StatusCode);
        using (var secret = new HttpRequestMessage(HttpMethod.Get, $"/fhir/DocumentReference?{minorQuery}&type=http://loinc.org|11502-2"))
        {
            secret.Headers.Add("X-Secret-Connection", "true");
            Assert.Equal(HttpStatusCode.OK, (await pediatrician.SendAsync(secret)).StatusCode);
        }

        // Nor is the deposit of the document hidden from them, until its author shows it to them.
        async Task<List<string?>> PediatricianTracesAsync() => (await Read<Bundle>(await parent.GetAsync($"/fhir/AuditEvent?{minorQuery}"))).Entry!
            .Select(e => (Socle.BuildingBlocks.Fhir.Model.AuditEvent)e.Resource!)
            .Where(e => e.Agent![0].Who?.Identifier?.Value == doctor.IdNat)
            .Select(e => e.Subtype![0].Code)
            .ToList();
        Assert.Equal(["search", "authorise", "deposit"], await PediatricianTracesAsync());
        var shown = new Parameters { Parameter = [new ParametersParameter { Name = "invisible-representants-legaux", ValueBoolean = false }] };
        Assert.Equal(HttpStatusCode.OK, (await pediatrician.PostAsync($"/fhir/DocumentReference/{hiddenId}/$update-visibility", Fhir(shown))).StatusCode);
        Assert.Equal(["visibility", "search", "authorise", "deposit", "deposit"], await PediatricianTracesAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var recordId = await scope.ServiceProvider.GetRequiredService<Socle.Record.Storage.RecordDbContext>().Records.Where(r => r.Ins == minorIns).Select(r => r.Id).SingleAsync();
            var all = await scope.ServiceProvider.GetRequiredService<Socle.Audit.Contracts.IAuditLog>().ListForPatientAsync(recordId.ToString("N"), "record.", 50, null, CancellationToken.None);
            Assert.Single(all, e => e.Action == "record.search" && e.Detail?.Contains("secret", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task Documents_follow_a_merged_identity_and_come_back_on_unmerge()
    {
        var identities = await SocleTestClient.CreateAsync(factory);
        var person = (await factory.ReferenceIdentitiesAsync(2_700))[2_650];
        var qualified = await identities.CreatePatientAsync(person);
        var ins = (await identities.QualifyAsync(qualified, person)).Identifier!.Single(i => i.System == "urn:oid:" + person.Oid).Value!;
        var survivor = await identities.CreatePatientAsync(person.BirthFamilyName, "ALIAS", person.BirthDate, person.Gender);
        var doctor = (await actors.DoctorsAsync(8))[7];
        var author = await actors.ProfessionalAsync(doctor);
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctor.IdNat, CdaDocuments.DischargeLetter(ins, doctor.IdNat))))).StatusCode);
        var bySurvivor = $"patient=Patient/{survivor}&author.identifier={doctor.IdNat}";
        await (await author.GetAsync($"/fhir/DocumentReference?{bySurvivor}")).AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "RECORD-0010");

        static Parameters Patients(params (string Name, string Id)[] patients) =>
            new() { Parameter = patients.Select(p => new ParametersParameter { Name = p.Name, ValueReference = new Reference { ReferenceValue = $"Patient/{p.Id}" } }).ToList() };
        Assert.Equal(HttpStatusCode.OK, (await identities.PostFhirAsync("/fhir/Patient/$merge", Patients(("source-patient", qualified), ("target-patient", survivor)))).StatusCode);
        var merged = await EventuallyAsync(() => author.GetAsync($"/fhir/DocumentReference?{bySurvivor}"), response => response.StatusCode == HttpStatusCode.OK);
        Assert.Equal("11490-0", ((DocumentReference)Assert.Single((await Read<Bundle>(merged)).Entry!).Resource!).Type!.Coding![0].Code);

        Assert.Equal(HttpStatusCode.OK, (await identities.PostFhirAsync("/fhir/Patient/$unmerge", Patients(("source-patient", qualified)))).StatusCode);
        var afterUnmerge = await EventuallyAsync(() => author.GetAsync($"/fhir/DocumentReference?{bySurvivor}"), response => response.StatusCode == HttpStatusCode.UnprocessableEntity);
        await afterUnmerge.AssertOperationOutcomeAsync(HttpStatusCode.UnprocessableEntity, "RECORD-0010");
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var ins = (await actors.PatientAccountsAsync(5))[4].Ins;
        var doctor = (await actors.DoctorsAsync(9))[8];
        var author = await actors.ProfessionalAsync(doctor);
        var huge = CdaDocuments.DischargeLetter(ins, doctor.IdNat, pdfBytes: (15 * 1024 * 1024) + 100_000);
        Assert.True(huge.Length > 20 * 1024 * 1024);
        var before = await CountDocumentsAsync();
        await (await author.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(ins, doctor.IdNat, huge)))).AssertOperationOutcomeAsync(HttpStatusCode.RequestEntityTooLarge, "RECORD-0009");
        using var tooLargeBody = new ByteArrayContent(new byte[30 * 1024 * 1024]);
        tooLargeBody.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        await (await author.PostAsync("/fhir", tooLargeBody)).AssertOperationOutcomeAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await CountDocumentsAsync());
    }

    [Fact]
    public async Task A_hospital_pharmacist_reads_an_operative_report_an_officine_pharmacist_does_not()
    {
        var ins = (await actors.PatientAccountsAsync(7))[6].Ins;
        var doctor = (await actors.DoctorsAsync(10))[9];
        var surgeon = await actors.ProfessionalAsync(doctor);
        var patientQuery = $"patient.identifier={Uri.EscapeDataString("urn:oid:1.2.250.1.213.1.4.10|" + ins)}";
        var deposit = await Read<Bundle>(await surgeon.PostAsync("/fhir", Fhir(CdaDocuments.Bundle(
            ins, doctor.IdNat, CdaDocuments.OperativeReport(ins, doctor.IdNat), "34874-8", "10", "urn:ihe:iti:xds-sd:text:2008"))));
        var reportId = deposit.Entry![1].Response!.Location!["DocumentReference/".Length..];

        // The same profession, two sections of the Ordre: the access matrix tells them apart through the token's role.
        var (hospital, officine) = await PharmacistsAsync();
        foreach (var pharmacist in new[] { hospital, officine })
        {
            Assert.Equal(HttpStatusCode.OK, (await pharmacist.PostAsync("/fhir/$add-authorisation", Fhir(PatientParameters(ins)))).StatusCode);
        }

        Assert.Equal(["34874-8"], await TypesAsync(hospital, patientQuery));
        Assert.Equal(HttpStatusCode.OK, (await hospital.GetAsync($"/fhir/Binary/{reportId}")).StatusCode);
        Assert.Empty(await TypesAsync(officine, patientQuery));
        await (await officine.GetAsync($"/fhir/DocumentReference/{reportId}")).AssertOperationOutcomeAsync(HttpStatusCode.NotFound, "RECORD-0018");
    }

    /// <summary>Two sandbox pharmacists logged in: one with a hospital activity (section H), one in an officine (A or D).</summary>
    private async Task<(HttpClient Hospital, HttpClient Officine)> PharmacistsAsync()
    {
        await using var scope = OperatorScope.Create(factory);
        var directory = scope.ServiceProvider.GetRequiredService<Socle.Directory.Contracts.IDirectory>();
        var pharmacists = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(100, "21", CancellationToken.None);
        (SandboxProfessionalAccount Account, string ActivityId)? hospital = null, officine = null;
        foreach (var account in pharmacists)
        {
            var activities = (await directory.FindProfessionalAsync(account.IdNat, CancellationToken.None))!.Activities;
            var inHospital = activities.FirstOrDefault(a => a.PharmacistSection?.Code == "H");
            var inOfficine = activities.FirstOrDefault(a => a.PharmacistSection?.Code is "A" or "D");
            if (hospital is null && inHospital is not null)
            {
                hospital = (account, inHospital.Id);
            }
            else if (officine is null && inOfficine is not null)
            {
                officine = (account, inOfficine.Id);
            }
        }

        Assert.True(hospital is not null && officine is not null, "The sandbox directory has a hospital and an officine pharmacist.");
        return (await actors.LoginAsync(hospital.Value.Account, hospital.Value.ActivityId), await actors.LoginAsync(officine.Value.Account, officine.Value.ActivityId));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await probe();
            if (done(value) || attempt == 100)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private async Task<long> CountDocumentsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Socle.Record.Storage.RecordDbContext>().Documents.LongCountAsync();
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
        where T : FhirResource
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return FhirJson.ParseAs<T>(body);
    }

    private static async Task<List<string>> TypesAsync(HttpClient client, string patientQuery) =>
        (await Read<Bundle>(await client.GetAsync($"/fhir/DocumentReference?{patientQuery}"))).Entry!
            .Select(e => ((DocumentReference)e.Resource!).Type!.Coding![0].Code!).ToList();

    private static StringContent Fhir(FhirResource resource) => FhirContent.Of(resource);

    private static Parameters PatientParameters(string ins, params (string Name, object Value)[] more) => new()
    {
        Parameter =
        [
            new ParametersParameter { Name = "patient-identifier", ValueIdentifier = new Identifier { System = "urn:oid:1.2.250.1.213.1.4.10", Value = ins } },
            ..more.Select(m => m.Value is bool b ? new ParametersParameter { Name = m.Name, ValueBoolean = b } : new ParametersParameter { Name = m.Name, ValueString = (string)m.Value }),
        ],
    };
}
