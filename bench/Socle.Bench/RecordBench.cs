using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Socle.BuildingBlocks.Fhir;
using Socle.Connect.Contracts;
using Socle.Directory.Contracts;
using Socle.Host.Tests.Record;

namespace Socle.Bench;

/// <summary>
/// The shared record at national scale on PostgreSQL: ITI-65 deposits of a 30 KB CDA, ITI-67 find by patient and
/// ITI-68 retrieve, each request with a doctor's token from a real code-flow login, next to the empty authenticated
/// endpoint and to the raw PostgreSQL insert of the rows a deposit writes, all in the same run.
/// </summary>
internal static partial class RecordBench
{
    /// <summary>A 21,800-byte PDF is 29,070 characters of base64: with the CDA header, a 30 KB document.</summary>
    private const int PdfBytes = 21_800;
    private const string Scopes = "openid record.read record.write identity.read";
    private const string Baseline = "Empty authenticated endpoint (baseline)";
    private const string RawInsert = "Raw PostgreSQL insert of a deposit's rows (ceiling for deposits)";
    private const string Deposit = "ITI-65 deposit, one 30 KB CDA per bundle";
    private const string Find = "ITI-67 find by patient (care team, status=current)";
    private const string Retrieve = "ITI-68 retrieve a 30 KB document (author)";

    public static async Task RunAsync(BenchHost host, BenchOptions options, string connection)
    {
        if (options.Provider != "Postgres")
        {
            throw new ArgumentException("The record benchmark loads its data with PostgreSQL's COPY: run it with --provider Postgres (bench/record.sh starts a throwaway cluster).");
        }

        var work = Path.Combine(Path.GetTempPath(), "socle-bench-record-" + Guid.NewGuid().ToString("N")[..8]);
        RegisteredClient rp;
        IReadOnlyList<SandboxProfessionalAccount> doctors;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISandboxDirectory>().SeedAsync(600, work, CancellationToken.None);
            rp = await scope.ServiceProvider.GetRequiredService<IClientRegistry>().RegisterAsync(
                new ClientRegistration("bench record", "540002698", [Scopes]) { GrantTypes = ["authorization_code"], RedirectUris = [ConnectBench.RedirectUri] },
                CancellationToken.None);
            doctors = await scope.ServiceProvider.GetRequiredService<IAccountAdministration>().SandboxProfessionalsAsync(options.Concurrency, "10", CancellationToken.None);
        }

        System.IO.Directory.Delete(work, recursive: true);
        if (doctors.Count < options.Concurrency)
        {
            throw new InvalidOperationException($"The sandbox directory has {doctors.Count} doctors; the benchmark needs one per client ({options.Concurrency}).");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loading {options.Patients:N0} records and about {options.Documents:N0} documents (binary COPY):"));
        var patients = await RecordBulkLoader.LoadAsync(connection, options.Patients, options.Documents, doctors.Select(d => d.IdNat).ToList());

        Console.WriteLine($"Scenarios start at {DateTime.UtcNow:HH:mm:ss} UTC");
        var tokens = new string[doctors.Count];
        for (var i = 0; i < doctors.Count; i++)
        {
            tokens[i] = (await ConnectBench.LoginAsync(host, rp, doctors[i], Scopes)).GetProperty("access_token").GetString()!;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
        var deposited = Enumerable.Range(0, doctors.Count).Select(_ => new ConcurrentQueue<string>()).ToArray();
        var perDoctor = patients.Count / doctors.Count;

        HttpRequestMessage AsDoctor(int doctor, HttpMethod method, string path, HttpContent? content = null)
        {
            var message = new HttpRequestMessage(method, path) { Content = content };
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[doctor]);
            return message;
        }

        // Request i of a run at concurrency c comes from worker i % c, which acts as doctor i % c; the doctor's k-th
        // search is about a patient of their care team scattered over the whole table (p ≡ doctor mod doctors).
        string CareTeamPatient(int i, int concurrency) => patients[(int)((long)(i / concurrency) * 7_919 % perDoctor * doctors.Count) + (i % concurrency)];

        foreach (var concurrency in new[] { options.Concurrency, 1 })
        {
            var seconds = concurrency == 1 ? Math.Max(3, options.Seconds / 2) : options.Seconds;
            (string Name, Func<Task<LoadResult>> Run)[] scenarios =
            [
                (Baseline, () => LoadRunner.RunAsync(Baseline, http, concurrency, seconds, i => AsDoctor(i % concurrency, HttpMethod.Get, "/bench/empty"))),
                (RawInsert, () => RawInsertAsync(connection, concurrency, seconds, patients, doctors[0].IdNat)),
                (Deposit, () =>
                {
                    var bodies = new PrebuiltRequests<byte[]>(i => DepositBody(patients[Random.Shared.Next(patients.Count)], doctors[i % concurrency].IdNat));
                    return LoadRunner.RunAsync(
                        Deposit, http, concurrency, seconds,
                        i => AsDoctor(i % concurrency, HttpMethod.Post, "/fhir", FhirContent(bodies.Take(i))),
                        (worker, body) =>
                        {
                            if (BinaryLocation().Match(body) is { Success: true } match)
                            {
                                deposited[worker].Enqueue(match.Groups["id"].Value);
                            }
                        },
                        bodies.BuildAsync);
                }),
                (Find, () => LoadRunner.RunAsync(
                    Find, http, concurrency, seconds,
                    i => AsDoctor(i % concurrency, HttpMethod.Get, $"/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|{CareTeamPatient(i, concurrency)}&status=current"))),
                (Retrieve, () => LoadRunner.RunAsync(
                    Retrieve, http, concurrency, seconds,
                    i =>
                    {
                        var mine = deposited[i % concurrency].ToArray();
                        if (mine.Length == 0)
                        {
                            throw new InvalidOperationException("No deposit succeeded: nothing to retrieve (see the errors of the ITI-65 row).");
                        }

                        return AsDoctor(i % concurrency, HttpMethod.Get, $"/fhir/Binary/{mine[(i / concurrency) % mine.Length]}");
                    })),
            ];
            var results = new List<LoadResult>();
            foreach (var (_, run) in scenarios.Where((s, n) => n == 0 || options.Selects(s.Name)))
            {
                results.Add(await SettledAsync(connection, run));
            }

            LoadRunner.PrintTable(concurrency, seconds, results);
        }
    }

    /// <summary>
    /// Starts a scenario once the previous one's writes are on disk (CHECKPOINT), so that its figures are not the
    /// write-back of the deposits before it: seen as 3–8 ms stalls of the reads that followed the deposit scenario.
    /// </summary>
    private static async Task<LoadResult> SettledAsync(string connectionString, Func<Task<LoadResult>> scenario)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 600 };
            await checkpoint.ExecuteNonQueryAsync();
        }

        return await scenario();
    }

    private static byte[] DepositBody(string ins, string author)
    {
        var cda = CdaDocuments.DischargeLetter(ins, author, pdfBytes: PdfBytes);
        return Encoding.UTF8.GetBytes(FhirJson.SerializeToString(CdaDocuments.Bundle(ins, author, cda)));
    }

    private static ByteArrayContent FhirContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// The ceiling for deposits: the rows one deposit writes (submission set, document with its DocumentReference, 30 KB
    /// content) inserted by hand in one durable transaction per deposit, on as many connections as clients.
    /// </summary>
    private static async Task<LoadResult> RawInsertAsync(string connectionString, int concurrency, int seconds, IReadOnlyList<string> patients, string author)
    {
        var connections = new NpgsqlConnection[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            connections[w] = new NpgsqlConnection(connectionString);
            await connections[w].OpenAsync();
        }

        string Insert(string table, string[] columns) =>
            $"INSERT INTO \"record\".\"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, n) => $"${n + 1}"))})";
        var recordIds = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        await using (var lookup = new NpgsqlCommand("SELECT \"Ins\", \"Id\" FROM \"record\".\"record_records\" WHERE \"Ins\" = ANY($1)", connections[0]))
        {
            lookup.Parameters.Add(new NpgsqlParameter { Value = patients.Take(10_000).ToArray() });
            await using var reader = await lookup.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                recordIds[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var sample = recordIds.ToArray();
        var rows = new PrebuiltRequests<(string Table, string[] Columns, object?[] Values)[]>(i =>
        {
            var (ins, recordId) = sample[i % sample.Length];
            var (set, entry, cda) = RecordBulkLoader.Deposit(ins, author, Random.Shared, recordId, DateTimeOffset.UtcNow, PdfBytes);
            return
            [
                (RecordBulkLoader.SetTable, RecordBulkLoader.SetColumns, RecordBulkLoader.SetValues(set)),
                (RecordBulkLoader.DocumentTable, RecordBulkLoader.DocumentColumns, RecordBulkLoader.DocumentValues(entry)),
                (RecordBulkLoader.ContentTable, RecordBulkLoader.ContentColumns, [entry.Id, cda]),
            ];
        });
        var result = await LoadRunner.RunAsync(RawInsert, concurrency, seconds, rows.BuildAsync, i =>
        {
            var connection = connections[i % concurrency];
            var batch = new NpgsqlBatch(connection);
            foreach (var (table, columns, values) in rows.Take(i))
            {
                var command = new NpgsqlBatchCommand(Insert(table, columns));
                foreach (var value in values)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            return async () =>
            {
                await using (batch)
                {
                    // One implicit transaction, ended by the batch's Sync: one round trip, as a deposit's rows (decision 0028).
                    await batch.ExecuteNonQueryAsync();
                    return true;
                }
            };
        });
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        return result;
    }

    [GeneratedRegex("\"Binary/(?<id>[0-9a-f]{32})\"")]
    private static partial Regex BinaryLocation();
}
