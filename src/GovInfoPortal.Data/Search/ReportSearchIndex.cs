using System.Globalization;
using System.Text;
using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovInfoPortal.Data.Search;

/// <summary>
/// Keeps the full-text index of published reports (table <c>ReportSearch</c>, created by the migrations):
/// on SQLite an FTS5 table with a <c>Name</c> and a <c>Body</c> column of bigram tokens; on PostgreSQL a
/// <c>tsvector</c> of the same tokens with positions (name tokens weighted A) and the year (<see cref="YearLexeme"/>)
/// under a GIN index. SQL Server
/// has no index and searches with LIKE. Only published reports are ever indexed.
/// </summary>
/// <remarks>
/// <see cref="ReportSearchStep"/> calls <see cref="UpdateAsync"/> after every save that touches a
/// report; bulk writers that bypass EF (the synthetic seeder) call <see cref="IndexNewAsync"/>.
/// </remarks>
public sealed class ReportSearchIndex(GovInfoDbContext db)
{
    public const string TableName = "ReportSearch";

    private const int BatchSize = 1000;

    /// <summary>Reports read and written at once by a bulk load.</summary>
    private const int BulkBatchSize = 5000;

    /// <summary>From how many new reports a bulk load on PostgreSQL rebuilds the GIN index instead of updating it.</summary>
    private const int BulkThreshold = 20_000;

    /// <summary>The GIN index over the terms (created by the ReportSearch migration).</summary>
    private const string GinIndexName = "IX_ReportSearch_Terms";

    /// <summary>
    /// The GIN index over the name's terms alone (<see cref="NameTermsOf"/>, created by the ReportSearchNameIndex
    /// migration): the reports with a term in the name are found from it, not by re-checking every report whose
    /// text has the term.
    /// </summary>
    private const string NameIndexName = "IX_ReportSearch_NameTerms";

    /// <summary>PostgreSQL: the name's terms (the lexemes weighted A) of a terms column, as <see cref="NameIndexName"/> indexes them.</summary>
    internal static string NameTermsOf(string terms) => $"ts_filter({terms}, '{{a}}')";

    /// <summary>PostgreSQL keeps positions up to this number.</summary>
    private const int MaxPosition = 16383;

    /// <summary>PostgreSQL keeps at most this many positions of one lexeme.</summary>
    private const int MaxPositionsPerLexeme = 256;

    internal sealed record Source(int Id, int Year, string Name, string? Overview, string? Problems, string? OtherMatters, string? Document)
    {
        public string NameText => $"{Name} {Year}年";

        public IEnumerable<string?> BodyTexts => [Overview, Problems, OtherMatters, Document];
    }

    public bool IsSupported => db.Database.IsSqlite() || db.Database.IsNpgsql();

    /// <summary>Brings the entries of these reports up to date: published ones (re)indexed, the others removed.</summary>
    public async Task UpdateAsync(IReadOnlyCollection<int> reportIds, CancellationToken cancellationToken = default)
    {
        if (!IsSupported || reportIds.Count == 0)
        {
            return;
        }

        foreach (var chunk in reportIds.Distinct().Chunk(BatchSize))
        {
            await DeleteAsync(chunk, cancellationToken);
            var sources = await Sources(r => chunk.Contains(r.Id), chunk.Length).ToListAsync(cancellationToken);
            await WriteAsync(sources, cancellationToken);
        }
    }

    /// <summary>
    /// Indexes every published report with an id above <paramref name="afterReportId"/> (a bulk load), in batches,
    /// telling <paramref name="progress"/> how many are done. On PostgreSQL a large load drops the GIN index first
    /// and builds it once at the end, which is many times faster than keeping it up to date row by row; in a
    /// transaction, readers see the old index until the commit.
    /// </summary>
    public async Task<int> IndexNewAsync(int afterReportId, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!IsSupported)
        {
            return 0;
        }

        var rebuildGin = db.Database.IsNpgsql() &&
            await db.Reports.Published().CountAsync(r => r.Id > afterReportId, cancellationToken) > BulkThreshold;
        if (rebuildGin)
        {
            await RawSql.ExecuteAsync(db, $"DROP INDEX IF EXISTS {RawSql.Quote(GinIndexName)}", [], cancellationToken);
            await RawSql.ExecuteAsync(db, $"DROP INDEX IF EXISTS {RawSql.Quote(NameIndexName)}", [], cancellationToken);
        }

        var indexed = 0;
        var last = afterReportId;
        while (true)
        {
            var from = last;
            var batch = await Sources(r => r.Id > from, BulkBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await WriteAsync(batch, cancellationToken);
            indexed += batch.Count;
            last = batch[^1].Id;
            progress?.Invoke(indexed);
        }

        if (rebuildGin)
        {
            await RawSql.ExecuteAsync(db, "SET LOCAL maintenance_work_mem = '256MB'", [], cancellationToken);
            await RawSql.ExecuteAsync(db,
                $"CREATE INDEX {RawSql.Quote(GinIndexName)} ON {RawSql.Quote(TableName)} USING GIN ({RawSql.Quote("Terms")})", [], cancellationToken);
            await RawSql.ExecuteAsync(db,
                $"CREATE INDEX {RawSql.Quote(NameIndexName)} ON {RawSql.Quote(TableName)} USING GIN ({NameTermsOf(RawSql.Quote("Terms"))})", [], cancellationToken);
        }

        return indexed;
    }

    /// <summary>Builds the index from scratch.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSupported)
        {
            return 0;
        }

        await RawSql.ExecuteAsync(db, $"DELETE FROM {RawSql.Quote(TableName)}", [], cancellationToken);
        return await IndexNewAsync(0, cancellationToken: cancellationToken);
    }

    /// <summary>Builds the index when it is empty but published reports exist (a database from before the index).</summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSupported || !await db.Reports.Published().AnyAsync(cancellationToken))
        {
            return;
        }

        var indexed = await RawSql.IdsAsync(db, $"SELECT 1 FROM {RawSql.Quote(TableName)} LIMIT 1", [], cancellationToken);
        if (indexed.Count == 0)
        {
            await IndexNewAsync(0, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The texts of published reports that satisfy the filter, in id order, at most <paramref name="take"/>.</summary>
    private IQueryable<Source> Sources(System.Linq.Expressions.Expression<Func<AnnualReport, bool>> filter, int take) =>
        db.Reports.AsNoTracking()
            .Published()
            .Where(filter)
            .OrderBy(r => r.Id)
            .Take(take)
            .Select(r => new Source(r.Id, r.Year, r.Organization.Name, r.Sections.Overview, r.Sections.Problems, r.Sections.OtherMatters, r.LegacyDocument));

    private Task DeleteAsync(int[] ids, CancellationToken cancellationToken)
    {
        var idList = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var key = db.Database.IsNpgsql() ? RawSql.Quote("ReportId") : "rowid";
        return RawSql.ExecuteAsync(db, $"DELETE FROM {RawSql.Quote(TableName)} WHERE {key} IN ({idList})", [], cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await CopyAsync(sources, cancellationToken);
            return;
        }

        var sql = new StringBuilder($"INSERT INTO {RawSql.Quote(TableName)} (rowid, \"Name\", \"Body\") VALUES ");
        var parameters = new List<(string, object?)>();
        for (var i = 0; i < sources.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@i{i}, @n{i}, @b{i})");
            parameters.Add(($"@i{i}", sources[i].Id));
            parameters.Add(($"@n{i}", string.Join(' ', SearchTokens.Tokenize(sources[i].NameText))));
            parameters.Add(($"@b{i}", string.Join(' ', sources[i].BodyTexts.SelectMany(SearchTokens.Tokenize))));
        }

        await RawSql.ExecuteAsync(db, sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>PostgreSQL: COPY the tsvectors, written as literals so that the tokens are taken as they are.</summary>
    private async Task CopyAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var writer = await connection.BeginTextImportAsync(
                $"COPY {RawSql.Quote(TableName)} (\"ReportId\", \"Terms\") FROM STDIN", cancellationToken);
            foreach (var source in sources)
            {
                await writer.WriteAsync(source.Id.ToString(CultureInfo.InvariantCulture));
                await writer.WriteAsync('\t');
                await writer.WriteAsync(TsVector(source));
                await writer.WriteAsync('\n');
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: the lexeme of a report's year, without a position (<c>'#2023'</c>; no text token has a <c>#</c>).
    /// A search of one year asks for it beside its terms, so that the GIN index finds the year's matches itself
    /// instead of the reports of every year being checked against the year one by one.
    /// </summary>
    internal static string YearLexeme(int year) => $"'#{year.ToString(CultureInfo.InvariantCulture)}'";

    /// <summary>The tsvector literal of a report: <c>'泉港':1A '港区':2A … '依申':40 … '#2023'</c>.</summary>
    internal static string TsVector(Source source)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        var nameTokens = 0;

        void Add(IEnumerable<string> tokens)
        {
            foreach (var token in tokens)
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(token, out var list))
                {
                    positions[token] = list = new List<int>(2);
                }

                if (list.Count < MaxPositionsPerLexeme)
                {
                    list.Add(position);
                }
            }
        }

        Add(SearchTokens.Tokenize(source.NameText));
        nameTokens = position;
        foreach (var text in source.BodyTexts)
        {
            Add(SearchTokens.Tokenize(text));
        }

        // Built by hand: this runs for every published report when the index is built.
        var literal = new StringBuilder(positions.Count * 12);
        foreach (var (token, list) in positions)
        {
            if (literal.Length > 0)
            {
                literal.Append(' ');
            }

            AppendLexeme(literal, token).Append(':');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    literal.Append(',');
                }

                literal.Append(list[i]);
                if (list[i] <= nameTokens)
                {
                    literal.Append('A');
                }
            }
        }

        return literal.Append(' ').Append(YearLexeme(source.Year)).ToString();
    }

    private static StringBuilder AppendLexeme(StringBuilder builder, string token)
    {
        builder.Append('\'');
        builder.Append(token.AsSpan().IndexOfAny('\\', '\'') < 0
            ? token
            : token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal));
        return builder.Append('\'');
    }

    /// <summary>A quoted lexeme for tsvector and tsquery literals.</summary>
    internal static string Lexeme(string token) => AppendLexeme(new StringBuilder(token.Length + 2), token).ToString();
}
