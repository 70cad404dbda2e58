using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Peers;
using GovInfoPortal.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovInfoPortal.Benchmarks;

/// <summary>
/// <c>narrative.copiedFromPeer</c> at national scale: seeds <c>count</c> synthetic reports of one year, gives them
/// varied narrative text (the seeder's own texts are a handful of sentences, too alike and too short for the check
/// to mean anything), builds the peer index and times checking single reports against it — the index look-up and the
/// exact comparison, as the editor does on every check. A share of the reports copies most of another body's text;
/// the run counts how many of those the check finds and how many findings the others get.
/// </summary>
/// <remarks>
/// The texts: every part starts with a local template sentence that 30 % of the reports use (boilerplate that the
/// count must set aside), then sentences drawn from a pool of 20,000 generated ones (so that reports share some
/// sentences by chance, each sentence in about 0.1–0.2 % of the year's reports, as common phrasing does), then a
/// sentence of their own. 1 % of the reports copy 85 % of the text of another one, a sentence or two rewritten.
/// SQLite by default (a temporary file); <c>BENCH_PEER_POSTGRES</c> (an admin connection string) uses a throwaway
/// PostgreSQL database instead.
/// </remarks>
public static class PeerCheck
{
    private const int Year = 2023;
    private const int PoolSize = 20_000;
    private const double CopyShare = 0.01;
    private const int Checks = 400;

    /// <summary>Common characters of administrative prose, the alphabet of the generated sentences.</summary>
    private const string Alphabet =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" +
        "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间" +
        "样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入" +
        "常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光" +
        "门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至" +
        "达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非" +
        "验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养" +
        "易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

    public static async Task RunAsync(int count, TextWriter output, string resultsFile)
    {
        var (provider, connectionString, cleanup) = await CreateDatabaseAsync();
        try
        {
            var options = GovInfoDatabase.CreateOptions(provider, connectionString);
            await using var db = new GovInfoDbContext(options);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await new DatabaseMigrator(db).MigrateAsync();

            var total = Stopwatch.StartNew();
            var stage = Stopwatch.StartNew();
            await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = count, FirstYear = Year, LastYear = Year, CodePrefix = "PEERB" });
            var seeded = stage.Elapsed;

            stage.Restart();
            var (copies, sourceOf) = await WriteTextsAsync(db);
            var written = stage.Elapsed;

            stage.Restart();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var indexed = await new PeerIndex(db).RebuildAsync();
            process.Refresh();
            var indexCpu = process.TotalProcessorTime - cpuBefore;
            var indexTime = stage.Elapsed;
            var rows = await db.PeerSignatureBands.CountAsync();
            var boilerplateShingles = await db.PeerBoilerplateShingles.CountAsync();

            var (latencies, found, checkedCopies, falseFindings, checkedOthers) = await CheckAsync(db, copies, sourceOf);
            latencies.Sort();
            var median = latencies[latencies.Count / 2];
            var p95 = latencies[(int)(latencies.Count * 0.95)];
            var max = latencies[^1];

            var report = new StringBuilder();
            report.AppendLine("# Peer check (`narrative.copiedFromPeer`) at national scale");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {provider}, {Environment.ProcessorCount} cores (shared with other work), `dotnet run -c Release --project bench/GovInfoPortal.Benchmarks -- peer-check {count}`.");
            report.AppendLine();
            report.AppendLine("| what | value | target |");
            report.AppendLine("| --- | --- | --- |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| reports of the year in the index | {indexed:N0} | 100,000 |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| index rows (report × part × band) | {rows:N0} | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| boilerplate shingles counted for the year | {boilerplateShingles:N0} | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| seeding {count:N0} reports / writing their texts | {seeded.TotalSeconds:F1} s / {written.TotalSeconds:F1} s | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| building the index (rebuild) | {indexTime.TotalSeconds:F1} s wall, {indexCpu.TotalSeconds:F1} s CPU of this process | |");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| checking one report (index look-up + exact comparison + all rules), {latencies.Count} reports | median {median:F1} ms, p95 {p95:F1} ms, max {max:F1} ms | ≤ 200 ms |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| planted copies found (naming their source) | {found} of {checkedCopies} | all |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| findings on reports that copy nobody | {falseFindings} of {checkedOthers} | none |");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Total run time {total.Elapsed.TotalSeconds:F0} s.");
            output.Write(report);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsFile))!);
            await File.WriteAllTextAsync(resultsFile, report.ToString());
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task<(DatabaseProvider, string, Func<Task>)> CreateDatabaseAsync()
    {
        if (Environment.GetEnvironmentVariable("BENCH_PEER_POSTGRES") is { Length: > 0 } admin)
        {
            var name = "govinfo_peer_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            return (DatabaseProvider.Postgres, connectionString, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            });
        }

        var file = Path.Combine(Path.GetTempPath(), $"govinfo-peer-bench-{Guid.NewGuid():N}.db");
        return (DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        });
    }

    private static string Sentence(Random random, int min, int max)
    {
        var length = random.Next(min, max);
        var chars = new char[length + 1];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        chars[length] = '。';
        return new string(chars);
    }

    private static string Part(Random random, string[] pool, string template, int sentences)
    {
        var text = new StringBuilder();
        if (random.NextDouble() < 0.3)
        {
            text.Append(template);
        }

        for (var i = 0; i < sentences; i++)
        {
            text.Append(pool[random.Next(pool.Length)]);
        }

        return text.Append(Sentence(random, 20, 40)).ToString();
    }

    /// <summary>Gives every report of the year its own texts and puts it in the workflow (published); returns the copiers and their sources.</summary>
    private static async Task<(List<int> Copies, Dictionary<int, (int Source, string Name)> SourceOf)> WriteTextsAsync(GovInfoDbContext db)
    {
        var random = new Random(2023);
        var pool = Enumerable.Range(0, PoolSize).Select(_ => Sentence(random, 12, 30)).ToArray();
        var templates = Enumerable.Range(0, 3).Select(_ => Sentence(random, 60, 80)).ToArray();
        var reports = await db.Reports.AsNoTracking().Where(r => r.Year == Year).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Organization.Name }).ToListAsync();
        var texts = new Dictionary<int, ReportSections>();
        var copies = new List<int>();
        var originals = new List<int>();
        var sourceOf = new Dictionary<int, (int, string)>();
        foreach (var (report, index) in reports.Select((r, i) => (r, i)))
        {
            if (originals.Count > 100 && random.NextDouble() < CopyShare)
            {
                var source = reports[originals[random.Next(originals.Count)]];
                var original = texts[source.Id];
                texts[report.Id] = new ReportSections(Rewrite(original.Overview!, random), Rewrite(original.Problems!, random), Rewrite(original.OtherMatters!, random));
                copies.Add(report.Id);
                sourceOf[report.Id] = (source.Id, source.Name);
                continue;
            }

            originals.Add(index);
            texts[report.Id] = new ReportSections(
                Part(random, pool, templates[0], random.Next(8, 16)),
                Part(random, pool, templates[1], random.Next(4, 10)),
                Part(random, pool, templates[2], random.Next(2, 6)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var chunk in texts.Chunk(500))
        {
            var sql = new StringBuilder();
            var parameters = new List<object>();
            foreach (var (id, sections) in chunk)
            {
                var n = parameters.Count;
                sql.Append(CultureInfo.InvariantCulture,
                    $"UPDATE \"AnnualReports\" SET \"Overview\" = {{{n}}}, \"Problems\" = {{{n + 1}}}, \"OtherMatters\" = {{{n + 2}}}, \"Status\" = {(int)ReportStatus.Published} WHERE \"Id\" = {id};");
                parameters.AddRange([sections.Overview!, sections.Problems!, sections.OtherMatters!]);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters);
        }

        await transaction.CommitAsync();
        return (copies, sourceOf);
    }

    /// <summary>85 % of the text kept: the last sixth or so replaced by sentences of its own.</summary>
    private static string Rewrite(string text, Random random)
    {
        var kept = text[..(int)(text.Length * 0.85)];
        return kept + Sentence(random, text.Length - kept.Length, text.Length - kept.Length + 2);
    }

    private static async Task<(List<double> Latencies, int Found, int Copies, int FalseFindings, int Others)> CheckAsync(GovInfoDbContext db,
        List<int> copies, Dictionary<int, (int Source, string Name)> sourceOf)
    {
        var validator = new ReportValidationService();
        var random = new Random(7);
        var sources = sourceOf.Values.Select(s => s.Source).ToHashSet();
        var others = await db.Reports.AsNoTracking().Where(r => r.Year == Year).Select(r => r.Id).ToListAsync();
        var sample = copies.OrderBy(_ => random.Next()).Take(Checks / 2)
            .Concat(others.Where(id => !sourceOf.ContainsKey(id) && !sources.Contains(id)).OrderBy(_ => random.Next()).Take(Checks / 2)).ToList();

        // Warm-up: the first queries compile and plan.
        foreach (var id in sample.Take(5))
        {
            await CheckOneAsync(db, validator, id);
        }

        var latencies = new List<double>();
        var (found, copiesChecked, falseFindings, othersChecked) = (0, 0, 0, 0);
        foreach (var id in sample)
        {
            var stopwatch = Stopwatch.StartNew();
            var findings = await CheckOneAsync(db, validator, id);
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            var copied = findings.Where(f => f.Rule == Rules.NarrativeCopiedFromPeer).ToList();
            if (sourceOf.TryGetValue(id, out var source))
            {
                copiesChecked++;
                found += copied.Count > 0 && copied.All(f => f.Message.Contains(source.Name, StringComparison.Ordinal)) ? 1 : 0;
            }
            else
            {
                othersChecked++;
                falseFindings += copied.Count;
            }
        }

        return (latencies, found, copiesChecked, falseFindings, othersChecked);
    }

    private static async Task<IReadOnlyList<Finding>> CheckOneAsync(GovInfoDbContext db, ReportValidationService validator, int reportId)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Organization).SingleAsync(r => r.Id == reportId);
        var peers = await new PeerIndex(db).FindAsync(report, report.OrganizationId);
        return validator.Validate(new ReportValidationContext(report, Peers: peers, OrganizationKind: report.Organization.Kind)).Findings;
    }
}
