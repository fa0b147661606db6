using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Socle.BuildingBlocks.Fhir.Model;
using Socle.Host.Tests.Record;
using Socle.Identity.Domain.Reference;
using Socle.Record.Domain;
using Socle.Record.Features;
using Socle.Record.Storage;

namespace Socle.Bench;

/// <summary>
/// Fills the record store of a PostgreSQL database at bulk speed (binary COPY, one stream per table) with rows built
/// exactly as a deposit builds them: the CI-SIS CDA and ITI-65 bundle of the tests, parsed and stored by the module's
/// own <see cref="ProvideBundle"/>, <see cref="DocumentMetadata"/> and <see cref="StoredDeposit"/>. The HTTP deposit
/// path is measured separately, not used to fill: ten million deposits through it would take hours.
/// </summary>
internal static class RecordBulkLoader
{
    public const string SetTable = "record_submission_sets";
    public const string DocumentTable = "record_documents";
    public const string ContentTable = "record_document_contents";
    public static readonly string[] SetColumns = ["Id", "RecordId", "UniqueId", "AuthorIdNat", "SubmittedAtMs", "ResourceJson"];
    public static readonly string[] ContentColumns = ["DocumentId", "Bytes"];
    public static readonly string[] DocumentColumns =
    [
        "Id", "RecordId", "SubmissionSetId", "UniqueId", "Status", "ClassCode", "TypeCode", "FormatCode", "FacilityCode", "PracticeSettingCode",
        "EventCodes", "Confidentiality", "Visibility", "AuthorIdNat", "AuthorStructure", "DateMs", "ServiceStartMs", "ServiceStopMs", "Size", "Sha1", "ContentType", "ResourceJson",
    ];

    private const string InsOid = "1.2.250.1.213.1.4.10";

    /// <summary>Per patient: a record, one care-team doctor, a médecin traitant, and 1 to 2×average−1 documents (one per submission set).</summary>
    /// <returns>The patients' INS, in order: patient p has doctor p mod doctors.Count in its care team.</returns>
    public static async Task<IReadOnlyList<string>> LoadAsync(string connectionString, long patients, long documents, IReadOnlyList<string> doctors)
    {
        var connections = new List<NpgsqlConnection>();
        async Task<NpgsqlBinaryImporter> CopyAsync(string table, params string[] columns)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            connections.Add(connection);
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            return await connection.BeginBinaryImportAsync($"COPY \"{RecordDbContext.ModuleName}\".\"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
        }

        var records = await CopyAsync("record_records", "Id", "Ins", "InsOid", "BirthDate", "CreatedAtMs", "EmergencyAccessForbidden", "MedecinTraitant");
        var members = await CopyAsync("record_members", "RecordId", "IdNat", "Status", "UpdatedAtMs");
        var sets = await CopyAsync(SetTable, SetColumns);
        var entries = await CopyAsync(DocumentTable, DocumentColumns);
        var contents = await CopyAsync(ContentTable, ContentColumns);

        var random = new Random(20_261_122);
        var perPatient = Math.Max(1, (int)(documents / patients));
        var insList = new List<string>((int)patients);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        long written = 0;
        foreach (var person in new ReferencePopulationGenerator(ReferencePopulationGenerator.DefaultSeed).Generate(patients * 2))
        {
            if (insList.Count == patients)
            {
                break;
            }

            if (!seen.Add(person.Nir))
            {
                continue;
            }

            var p = insList.Count;
            insList.Add(person.Nir);
            var now = DateTimeOffset.UtcNow;
            var recordId = Guid.CreateVersion7(now);
            await WriteRowAsync(records, [recordId, person.Nir, InsOid, person.BirthDate, now.ToUnixTimeMilliseconds(), false, doctors[(p + 1) % doctors.Count]]);
            await WriteRowAsync(members, [recordId, doctors[p % doctors.Count], MemberStatuses.Authorised, now.ToUnixTimeMilliseconds()]);

            var count = 1 + random.Next((2 * perPatient) - 1);
            for (var d = 0; d < count; d++)
            {
                var (set, entry, cda) = Deposit(person.Nir, doctors[random.Next(doctors.Count)], random, recordId, now);
                await WriteRowAsync(sets, SetValues(set));
                await WriteRowAsync(entries, DocumentValues(entry));
                await WriteRowAsync(contents, [entry.Id, cda]);
            }

            written += count;
            if ((p + 1) % 100_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p + 1:N0} patients, {written:N0} documents, {watch.Elapsed.TotalSeconds:0} s ({written / watch.Elapsed.TotalSeconds:0} documents/s)"));
            }
        }

        foreach (var importer in new[] { records, members, sets, entries, contents })
        {
            await importer.CompleteAsync();
            await importer.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {insList.Count:N0} records and {written:N0} documents in {watch.Elapsed.TotalSeconds:0} s ({written / watch.Elapsed.TotalSeconds:0} documents/s with their content and submission set)"));

        // As an operator does after a bulk load, and as a store whose rows are months old is: hint bits set, pages
        // all-visible, statistics known. Left to autovacuum, that work runs during the scenarios and stalls them.
        watch.Restart();
        var tables = new[] { "record_records", "record_members", SetTable, DocumentTable, ContentTable };
        await Task.WhenAll(tables.Select(async (table, n) =>
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) \"{RecordDbContext.ModuleName}\".\"{table}\"", connections[n]) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VACUUM (ANALYZE) of the loaded tables: {watch.Elapsed.TotalSeconds:0} s"));
        return insList;
    }

    /// <summary>A deposit, built and stored as the ITI-65 endpoint does: 60 % discharge letters (level 1 PDF), 40 % lab reports (level 3), 5 % masked from professionals.</summary>
    public static (SubmissionSetEntry Set, DocumentEntry Document, byte[] Content) Deposit(string ins, string author, Random random, Guid recordId, DateTimeOffset now, int pdfBytes = 0)
    {
        var letter = pdfBytes > 0 || random.Next(10) < 6;
        var masked = random.Next(20) == 0;
        var cda = letter ? CdaDocuments.DischargeLetter(ins, author, pdfBytes: pdfBytes) : CdaDocuments.LabReport(ins, author);
        var bundle = letter
            ? CdaDocuments.Bundle(ins, author, cda, tweak: masked ? Mask : null)
            : CdaDocuments.Bundle(ins, author, cda, "11502-2", "10", "urn:ihe:lab:xd-lab:2008", tweak: masked ? Mask : null);
        var parsed = ProvideBundle.Parse(bundle);
        var input = parsed.Documents[0];
        var metadata = DocumentMetadata.Read(input.Reference, "bulk", byPatient: false);
        var setId = Guid.CreateVersion7(now);
        var documentId = Guid.CreateVersion7(now);
        var entry = StoredDeposit.Document(documentId, recordId, setId, input, metadata, Convert.ToHexStringLower(SHA1.HashData(cda)), null, now);
        return (StoredDeposit.SubmissionSet(setId, recordId, parsed, author, [documentId], now), entry, cda);
    }

    public static object?[] SetValues(SubmissionSetEntry set) => [set.Id, set.RecordId, set.UniqueId, set.AuthorIdNat, set.SubmittedAtMs, set.ResourceJson];

    public static object?[] DocumentValues(DocumentEntry entry) =>
    [
        entry.Id, entry.RecordId, entry.SubmissionSetId, entry.UniqueId, entry.Status, entry.ClassCode, entry.TypeCode, entry.FormatCode, entry.FacilityCode,
        entry.PracticeSettingCode, entry.EventCodes, entry.Confidentiality, entry.Visibility, entry.AuthorIdNat, entry.AuthorStructure, entry.DateMs,
        entry.ServiceStartMs, entry.ServiceStopMs, entry.Size, entry.Sha1, entry.ContentType, entry.ResourceJson,
    ];

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, object?[] values)
    {
        await importer.StartRowAsync();
        foreach (var value in values)
        {
            await (value is null ? importer.WriteNullAsync() : importer.WriteAsync(value));
        }
    }

    private static void Mask(DocumentReference document) =>
        document.SecurityLabel = [.. document.SecurityLabel ?? [], CodeableConcept.Of(ValueSets.VisibilitySystemOid, VisibilityCodes.MasquePs)];
}
