using System.Globalization;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Peers;

/// <summary>
/// The peer index of <c>narrative.copiedFromPeer</c>: for every report in the workflow (submitted, approved or
/// published), the LSH bands of its narrative parts (<see cref="PeerSignatures"/>) in <c>PeerSignatureBands</c>, and
/// per year the boilerplate shingles, counted over a sample of the year's reports. Checking a report reads the
/// year's boilerplate, looks its bands up by (year, part, band, bucket) and returns the reports that share the most
/// bands as candidates, which the rule then compares exactly: no scan of the year's reports.
/// </summary>
/// <remarks>
/// Every save through EF that touches a report updates its entries (<see cref="Search.ReportSearchStep"/>);
/// the synthetic seeder and <c>migrate</c> (<see cref="EnsureBuiltAsync"/>) build it in bulk. The boilerplate of a
/// year is counted again whenever the year's reports in the workflow have doubled since the last count, up to
/// <see cref="SampleSize"/> reports; the entries written before a new count keep the boilerplate of their time,
/// which only makes them a little less likely to be found (the exact comparison uses the current boilerplate).
/// <see cref="RebuildAsync"/> signs everything again.
/// </remarks>
public sealed class PeerIndex(GovInfoDbContext db)
{
    /// <summary>The most reports of a year the boilerplate is counted over.</summary>
    public const int SampleSize = 2000;

    /// <summary>Reports that share a bucket with the checked one, read at most, those sharing the most bands first.</summary>
    private const int MaxMatches = 200;

    private const int BatchSize = 1000;

    /// <summary>Rows of one INSERT (SQL Server takes at most 1000).</summary>
    private const int RowsPerInsert = 500;

    private static readonly ReportStatus[] Indexed = [ReportStatus.Submitted, ReportStatus.Approved, ReportStatus.Published];

    private sealed record Source(int Id, int Year, string? Overview, string? Problems, string? OtherMatters)
    {
        public ReportSections Sections => new(Overview, Problems, OtherMatters);
    }

    /// <summary>Brings the entries of these reports up to date: those in the workflow signed again, the others removed.</summary>
    public async Task UpdateAsync(IReadOnlyCollection<int> reportIds, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in reportIds.Distinct().Chunk(BatchSize))
        {
            await db.PeerSignatureBands.Where(b => chunk.Contains(b.ReportId)).ExecuteDeleteAsync(cancellationToken);
            var sources = await Sources(r => chunk.Contains(r.Id), chunk.Length).ToListAsync(cancellationToken);
            foreach (var year in sources.GroupBy(s => s.Year))
            {
                await RecountIfGrownAsync(year.Key, cancellationToken);
                await WriteAsync([.. year], await BoilerplateAsync(year.Key, cancellationToken), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Signs every report in the workflow with an id above <paramref name="afterReportId"/> (a bulk load), counting each
    /// year's boilerplate first; in one transaction (the caller's when there is one).
    /// </summary>
    public async Task<int> IndexNewAsync(int afterReportId, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var done = await IndexNewAsync(afterReportId, progress, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return done;
        }

        var years = await db.Reports.Where(r => r.Id > afterReportId && Indexed.Contains(r.Status)).Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
        var boilerplates = new Dictionary<int, PeerBoilerplate>();
        foreach (var year in years)
        {
            boilerplates[year] = await RecountAsync(year, cancellationToken);
        }

        var indexed = 0;
        var last = afterReportId;
        while (true)
        {
            var from = last;
            var batch = await Sources(r => r.Id > from, BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var year in batch.GroupBy(s => s.Year))
            {
                await WriteAsync([.. year], boilerplates[year.Key], cancellationToken);
            }

            indexed += batch.Count;
            last = batch[^1].Id;
            progress?.Invoke(indexed);
        }

        return indexed;
    }

    /// <summary>Builds the index from scratch.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.PeerSignatureBands.ExecuteDeleteAsync(cancellationToken);
        var indexed = await IndexNewAsync(0, cancellationToken: cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return indexed;
    }

    /// <summary>Builds the index when it is empty but reports in the workflow exist (a database from before the index).</summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.PeerBoilerplateYears.AnyAsync(cancellationToken) && await db.Reports.AnyAsync(r => Indexed.Contains(r.Status), cancellationToken))
        {
            await IndexNewAsync(0, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// What <paramref name="content"/> (a report of its year) is compared with: the year's boilerplate and the
    /// reports of other organizations that share the most bands with it, at most <see cref="PeerBatch.MaxCandidates"/>.
    /// </summary>
    public async Task<PeerComparison> FindAsync(IReportContent content, int? organizationId, CancellationToken cancellationToken = default)
    {
        var year = content.Year;
        var boilerplate = await BoilerplateAsync(year, cancellationToken);
        var bands = PeerSignatures.Of(content.Sections, boilerplate);
        if (bands.Count == 0)
        {
            return PeerComparison.Of([], boilerplate);
        }

        // One index seek per band (a UNION ALL of point look-ups on (year, part, band, bucket)), counted per report.
        var table = RawSql.Table<PeerSignatureBand>(db);
        var sql = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"SELECT {Col("ReportId")}, COUNT(*) AS {Col("Hits")} FROM ("));
        for (var i = 0; i < bands.Count; i++)
        {
            sql.Append(i == 0 ? "" : " UNION ALL ").Append(CultureInfo.InvariantCulture,
                $"SELECT {Col("ReportId")} FROM {table} WHERE {Col("Year")} = @year AND {Col("Part")} = '{PartLiteral(bands[i].Part)}' AND {Col("Band")} = {bands[i].Band} AND {Col("Bucket")} = {bands[i].Bucket}");
        }

        sql.Append(CultureInfo.InvariantCulture, $") AS {Col("Matches")} GROUP BY {Col("ReportId")} ORDER BY {Col("Hits")} DESC, {Col("ReportId")}");
        var matches = await RawSql.ReadAsync(db, sql.ToString(), [("@year", year)], async reader =>
        {
            var ids = new List<int>();
            while (ids.Count < MaxMatches && await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }

            return ids;
        }, cancellationToken);
        if (matches.Count == 0)
        {
            return PeerComparison.Of([], boilerplate);
        }

        var rank = matches.Select((id, i) => (id, i)).ToDictionary(m => m.id, m => m.i);
        var peers = await db.Reports.AsNoTracking()
            .Where(r => matches.Contains(r.Id) && r.OrganizationId != organizationId && r.Year == year && Indexed.Contains(r.Status))
            .Select(r => new { r.Id, r.Organization.Name, r.Year, r.Sections.Overview, r.Sections.Problems, r.Sections.OtherMatters })
            .ToListAsync(cancellationToken);
        return PeerComparison.Of(peers.OrderBy(p => rank[p.Id]).Take(PeerBatch.MaxCandidates)
            .Select(p => new PeerReport(p.Name, p.Year, new ReportSections(p.Overview, p.Problems, p.OtherMatters))), boilerplate);
    }

    /// <summary>The stored boilerplate of a year (besides the built-in phrases).</summary>
    public async Task<PeerBoilerplate> BoilerplateAsync(int year, CancellationToken cancellationToken = default)
    {
        var shingles = await db.PeerBoilerplateShingles.AsNoTracking().Where(s => s.Year == year)
            .Select(s => new { s.Part, s.Shingle }).ToListAsync(cancellationToken);
        return PeerBoilerplate.Of(shingles.Select(s => (s.Part, unchecked((ulong)s.Shingle))));
    }

    /// <summary>Counts the year's boilerplate again when its reports in the workflow have doubled since the last count (while under the sample size).</summary>
    private async Task RecountIfGrownAsync(int year, CancellationToken cancellationToken)
    {
        var counted = await db.PeerBoilerplateYears.AsNoTracking().Where(y => y.Year == year).Select(y => (int?)y.Reports).FirstOrDefaultAsync(cancellationToken);
        if (counted >= SampleSize)
        {
            return;
        }

        var reports = await db.Reports.CountAsync(r => r.Year == year && Indexed.Contains(r.Status), cancellationToken);
        if (counted is null || (reports >= 2 * counted && reports >= PeerBoilerplate.MinReports))
        {
            await RecountAsync(year, cancellationToken);
        }
    }

    /// <summary>Counts the boilerplate of a year over (at most <see cref="SampleSize"/> of) its reports in the workflow and stores it.</summary>
    private async Task<PeerBoilerplate> RecountAsync(int year, CancellationToken cancellationToken)
    {
        var sample = await Sources(r => r.Year == year, SampleSize).ToListAsync(cancellationToken);
        var frequent = PeerBoilerplate.Frequent([.. sample.Select(s => s.Sections)]).ToList();
        await db.PeerBoilerplateShingles.Where(s => s.Year == year).ExecuteDeleteAsync(cancellationToken);
        await db.PeerBoilerplateYears.Where(y => y.Year == year).ExecuteDeleteAsync(cancellationToken);
        var rows = frequent.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"({year}, '{PartLiteral(f.Part)}', {unchecked((long)f.Shingle)})"));
        await InsertAsync(RawSql.Table<PeerBoilerplateShingle>(db), $"{Col("Year")}, {Col("Part")}, {Col("Shingle")}", rows, cancellationToken);
        await InsertAsync(RawSql.Table<PeerBoilerplateYear>(db), $"{Col("Year")}, {Col("Reports")}",
            [string.Create(CultureInfo.InvariantCulture, $"({year}, {sample.Count})")], cancellationToken);
        return PeerBoilerplate.Of(frequent);
    }

    /// <summary>
    /// Signs the reports (on every core: signing is pure computation) and writes their bands: on PostgreSQL by binary
    /// COPY, elsewhere by multi-row INSERTs; in the caller's transaction either way.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<Source> sources, PeerBoilerplate boilerplate, CancellationToken cancellationToken)
    {
        var signed = sources.Count < ParallelFrom
            ? sources.Select(s => (Source: s, Bands: PeerSignatures.Of(s.Sections, boilerplate))).ToList()
            : sources.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(s => (Source: s, Bands: PeerSignatures.Of(s.Sections, boilerplate))).ToList();
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(signed, cancellationToken);
            return;
        }

        var rows = signed.SelectMany(s => s.Bands.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"({s.Source.Id}, {s.Source.Year}, '{PartLiteral(b.Part)}', {b.Band}, {b.Bucket})")));
        await InsertAsync(RawSql.Table<PeerSignatureBand>(db), $"{Col("ReportId")}, {Col("Year")}, {Col("Part")}, {Col("Band")}, {Col("Bucket")}",
            rows, cancellationToken);
    }

    /// <summary>Below this many reports a batch is signed on one thread.</summary>
    private const int ParallelFrom = 64;

    private async Task CopyAsync(IEnumerable<(Source Source, IReadOnlyList<PeerBand> Bands)> signed, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
            var command = $"COPY {RawSql.Table<PeerSignatureBand>(db)} ({Col("ReportId")}, {Col("Year")}, {Col("Part")}, {Col("Band")}, {Col("Bucket")}) FROM STDIN (FORMAT BINARY)";
            await using var import = await connection.BeginBinaryImportAsync(command, cancellationToken);
            foreach (var (source, bands) in signed)
            {
                foreach (var band in bands)
                {
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(source.Id, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                    await import.WriteAsync(source.Year, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                    await import.WriteAsync(PartLiteral(band.Part), NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                    await import.WriteAsync(band.Band, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                    await import.WriteAsync(band.Bucket, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                }
            }

            await import.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Inserts rows of literals (numbers and part codes only, never user text), <see cref="RowsPerInsert"/> at a time.</summary>
    private async Task InsertAsync(string table, string columns, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            await RawSql.ExecuteAsync(db, $"INSERT INTO {table} ({columns}) VALUES {string.Join(", ", chunk)}", [], cancellationToken);
        }
    }

    /// <summary>The reports in the workflow that satisfy the filter, in id order, at most <paramref name="take"/>.</summary>
    private IQueryable<Source> Sources(System.Linq.Expressions.Expression<Func<AnnualReport, bool>> filter, int take) =>
        db.Reports.AsNoTracking()
            .Where(r => Indexed.Contains(r.Status))
            .Where(filter)
            .OrderBy(r => r.Id)
            .Take(take)
            .Select(r => new Source(r.Id, r.Year, r.Sections.Overview, r.Sections.Problems, r.Sections.OtherMatters));

    /// <summary>A part code as an SQL literal: only the known codes, which hold no quote.</summary>
    private static string PartLiteral(string part) =>
        SectionCodes.All.Contains(part) ? part : throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown narrative part.");

    private static string Col(string name) => RawSql.Quote(name);
}
