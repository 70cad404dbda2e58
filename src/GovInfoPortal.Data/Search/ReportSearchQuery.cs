using System.Globalization;
using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Search;

/// <summary>A page of search results: report ids in rank order, and how many reports match (at most <see cref="ReportSearchQuery.MaxCounted"/>).</summary>
public sealed record SearchHits(IReadOnlyList<int> ReportIds, int Total, bool TotalIsCapped)
{
    public static readonly SearchHits None = new([], 0, false);
}

/// <summary>
/// Searches published reports through the bigram index (<see cref="ReportSearchIndex"/>). Every term must
/// match; reports with a term in the organization name or title come first, then the others, each newest
/// first (by id, which the index can follow without sorting every match). Counting stops at
/// <see cref="MaxCounted"/> so that a query that matches nearly everything stays fast.
/// </summary>
public sealed class ReportSearchQuery(GovInfoDbContext db)
{
    /// <summary>A query whose counts first walk at most <paramref name="walkBudget"/> reports (tests of the walk's limits).</summary>
    internal ReportSearchQuery(GovInfoDbContext db, int walkBudget)
        : this(db) => _walkBudget = walkBudget;

    private readonly int _walkBudget = WalkBudget;

    public const int MaxCounted = 1000;

    public async Task<SearchHits> SearchAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0)
        {
            return SearchHits.None;
        }

        var skip = Math.Max(0, (page - 1) * pageSize);
        var (named, others) = await CountAsync(terms, year, subtreePath, cancellationToken);

        // The page lists the reports with a term in the name first, then the others; a part is read only when the
        // page reaches into it (the counts are exact below MaxCounted; above it the page is cut to its size).
        var namedPart = skip < named ? new Part(true, skip, pageSize, named < MaxCounted) : null;
        var otherPart = named - skip < pageSize && others > 0 ? new Part(false, Math.Max(0, skip - named), pageSize, others < MaxCounted) : null;
        var ids = namedPart is null && otherPart is null
            ? []
            : await PageAsync(terms, year, subtreePath, [.. new[] { namedPart, otherPart }.OfType<Part>()], pageSize, cancellationToken);
        return new SearchHits(ids, Math.Min(named + others, MaxCounted), named + others >= MaxCounted);
    }

    /// <summary>Matches with (or without) a term in the name, from <paramref name="Skip"/>, at most <paramref name="Take"/>.</summary>
    /// <param name="Few">All its matches were counted (fewer than <see cref="MaxCounted"/>).</param>
    private sealed record Part(bool InName, int Skip, int Take, bool Few);

    /// <summary>How many reports match with a term in the name, and how many without (each at most <see cref="MaxCounted"/>), in one command.</summary>
    private async Task<(int Named, int Others)> CountAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            return (await Fallback(terms, year, subtreePath, inName: true).Take(MaxCounted).CountAsync(cancellationToken),
                await Fallback(terms, year, subtreePath, inName: false).Take(MaxCounted).CountAsync(cancellationToken));
        }

        if (year is not null && db.Database.IsNpgsql()
            && await CountByWalkAsync(terms, year, subtreePath, cancellationToken) is { } walked)
        {
            return walked;
        }

        var parameters = new List<(string, object?)>();
        var counts = await CountsAsync(
            $"SELECT {IndexCount(terms, year, subtreePath, inName: true, parameters)}, {IndexCount(terms, year, subtreePath, inName: false, parameters)}",
            parameters, cancellationToken);
        return (counts[0], counts[1]);
    }

    /// <summary>The count (at most <see cref="MaxCounted"/>) of the matches with (or without) a term in the name, from the indexes.</summary>
    private string IndexCount(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName, List<(string, object?)> parameters)
    {
        var match = Matching(terms, year, subtreePath, inName, parameters);

        // One year on PostgreSQL, without a term in the name: fenced (OFFSET 0), the matches come from the GIN index,
        // which holds the year (ReportSearchIndex.YearLexeme); unfenced, the LIMIT would have the planner walk the
        // reports in id order and test each, reading the whole table when the year holds few matches or none.
        // With a term in the name the name's own index is the way, which the planner takes unfenced.
        return year is not null && db.Database.IsNpgsql() && !inName
            ? $"(SELECT COUNT(*) FROM (SELECT 1 FROM (SELECT 1 FROM {match.From} WHERE {match.Where} OFFSET 0) AS fenced LIMIT {MaxCounted}) AS matching)"
            : $"(SELECT COUNT(*) FROM (SELECT 1 FROM {match.From} WHERE {match.Where} LIMIT {MaxCounted}) AS matching)";
    }

    /// <summary>How many of a year's newest reports a count first walks (PostgreSQL).</summary>
    internal const int WalkBudget = 3000;

    /// <summary>
    /// PostgreSQL, one year: the counts from a walk over the year's newest <see cref="WalkBudget"/> reports, each
    /// one's terms read by its id; null when that settles neither count. A common term is counted to
    /// <see cref="MaxCounted"/> within a few thousand reports, where the GIN index would first gather every report of
    /// the year that holds its bigrams; a year (of the subtree) with no more reports than the budget is counted
    /// exactly. Otherwise, a count the walk left below <see cref="MaxCounted"/> comes from the index.
    /// </summary>
    private async Task<(int Named, int Others)?> CountByWalkAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath,
        CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)>();
        string Walk(Match match) =>
            $"(SELECT COUNT(*) FROM (SELECT 1 FROM (SELECT s.\"Terms\" FROM {match.From} WHERE {match.Filter} " +
            $"ORDER BY r.\"Id\" DESC LIMIT {_walkBudget}) AS s WHERE {match.Terms} LIMIT {MaxCounted}) AS matching)";

        var inName = Matching(terms, year, subtreePath, inName: true, parameters, walk: true);
        var inText = Matching(terms, year, subtreePath, inName: false, parameters, walk: true);
        // The year's reports (of the subtree), counted past the budget: whether the walk saw them all.
        var reports = $"(SELECT COUNT(*) FROM (SELECT 1 FROM {inName.Reports} WHERE {inName.Filter} LIMIT {_walkBudget + 1}) AS walked)";
        var counts = await CountsAsync($"SELECT {Walk(inName)}, {Walk(inText)}, {reports}", parameters, cancellationToken);
        var (named, others, walkedAll) = (counts[0], counts[1], counts[2] <= _walkBudget);
        if (walkedAll || (named >= MaxCounted && others >= MaxCounted))
        {
            return (named, others);
        }

        // One count is settled by the walk: only the other is asked of the index.
        if (named >= MaxCounted || others >= MaxCounted)
        {
            var indexed = new List<(string, object?)>();
            var count = (await CountsAsync($"SELECT {IndexCount(terms, year, subtreePath, inName: named < MaxCounted, indexed)}", indexed, cancellationToken))[0];
            return named < MaxCounted ? (count, others) : (named, count);
        }

        return null;
    }

    /// <summary>The counts a command of one row gives, in their order.</summary>
    private Task<int[]> CountsAsync(string sql, List<(string, object?)> parameters, CancellationToken cancellationToken) =>
        RawSql.ReadAsync(db, sql, parameters, async reader =>
        {
            await reader.ReadAsync(cancellationToken);
            var counts = new int[reader.FieldCount];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            return counts;
        }, cancellationToken);

    /// <summary>The ids of the parts, in order (each newest first), at most <paramref name="pageSize"/>, in one command.</summary>
    private async Task<IReadOnlyList<int>> PageAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, IReadOnlyList<Part> parts,
        int pageSize, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            var fallback = new List<int>();
            foreach (var part in parts)
            {
                fallback.AddRange(await Fallback(terms, year, subtreePath, part.InName).OrderByDescending(r => r.Id).Skip(part.Skip).Take(part.Take)
                    .Select(r => r.Id).ToListAsync(cancellationToken));
            }

            return [.. fallback.Take(pageSize)];
        }

        var parameters = new List<(string, object?)>();
        var selects = parts.Select((part, i) =>
        {
            // Few matches: PostgreSQL would walk the reports newest first and test each against the terms, reading
            // the whole table when the matches are rare or none. Fenced (OFFSET 0), the matches come from the GIN
            // index and only they are sorted. Many matches: the walk finds a page quickly, and it is made sure of
            // (the planner, misjudging how many match, would otherwise fetch and sort every match from the index).
            var match = Matching(terms, year, subtreePath, part.InName, parameters, walk: db.Database.IsNpgsql() && !part.Few);
            var matches = db.Database.IsNpgsql() && part.Few
                ? $"SELECT m.\"Id\" FROM (SELECT r.\"Id\" FROM {match.From} WHERE {match.Where} OFFSET 0) AS m ORDER BY m.\"Id\" DESC"
                : $"SELECT r.\"Id\" FROM {match.From} WHERE {match.Where} ORDER BY r.\"Id\" DESC";
            return $"SELECT \"Id\", {i} AS \"Part\" FROM ({matches} LIMIT {part.Take} OFFSET {part.Skip}) AS part{i}";
        });
        var sql = $"SELECT \"Id\" FROM ({string.Join(" UNION ALL ", selects)}) AS page ORDER BY \"Part\", \"Id\" DESC LIMIT {pageSize}";
        return await RawSql.IdsAsync(db, sql, parameters, cancellationToken);
    }

    /// <summary>The FROM and WHERE of the reports that match every term, with (or without) a term in the name.</summary>
    /// <param name="walk">PostgreSQL: the reports are walked in the order asked for, each one's terms read by its id.</param>
    private Match Matching(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName,
        List<(string Name, object? Value)> parameters, bool walk = false)
    {
        // Several matchings can share one command: each adds its own parameters.
        var p = $"@m{parameters.Count}_";
        var index = RawSql.Quote(ReportSearchIndex.TableName);
        var reports = RawSql.Table<AnnualReport>(db);
        parameters.Add((p + "status", (int)ReportStatus.Published));
        string from;
        var where = new List<string> { $"r.\"Status\" = {p}status" };
        var matching = new List<string>();
        if (db.Database.IsNpgsql())
        {
            from = walk
                ? $"{reports} r CROSS JOIN LATERAL (SELECT i.\"Terms\" FROM {index} i WHERE i.\"ReportId\" = r.\"Id\" OFFSET 0) AS s"
                : $"{index} s JOIN {reports} r ON r.\"Id\" = s.\"ReportId\"";
            matching.Add($"s.\"Terms\" @@ {p}all::tsquery");
            // The name's terms have an index of their own: few reports have a term in the name, many in the text.
            var name = ReportSearchIndex.NameTermsOf("s.\"Terms\"");
            matching.Add(inName ? $"{name} @@ {p}name::tsquery" : $"NOT ({name} @@ {p}name::tsquery)");
            var all = string.Join(" & ", terms.Select(t => $"({TsQuery(t)})"));
            parameters.Add((p + "all", year is { } searched ? $"{all} & {ReportSearchIndex.YearLexeme(searched)}" : all));
            parameters.Add((p + "name", string.Join(" | ", terms.Select(t => $"({TsQuery(t)})"))));
        }
        else
        {
            from = $"{index} JOIN {reports} r ON r.\"Id\" = {index}.rowid";
            matching.Add($"{index} MATCH {p}match");
            var all = string.Join(" AND ", terms.Select(Fts5));
            var name = $"Name : ({string.Join(" OR ", terms.Select(Fts5))})";
            parameters.Add((p + "match", inName ? $"({all}) AND ({name})" : $"({all}) NOT ({name})"));
        }

        if (year is { } y)
        {
            where.Add($"r.\"Year\" = {p}year");
            parameters.Add((p + "year", y));
        }

        var only = $"{reports} r";
        if (subtreePath is not null)
        {
            var organizations = $" JOIN {RawSql.Table<Organization>(db)} o ON o.\"Id\" = r.\"OrganizationId\"";
            from += organizations;
            only += organizations;
            where.Add($"o.\"Path\" LIKE {p}path");
            parameters.Add((p + "path", subtreePath + "%"));
        }

        return new Match(from, only, string.Join(" AND ", where), string.Join(" AND ", matching));
    }

    /// <summary>
    /// The reports that match: <paramref name="From"/> the index and the reports, <paramref name="Reports"/> the
    /// reports alone (with their organizations in a subtree); <paramref name="Filter"/> the conditions on the reports,
    /// <paramref name="Terms"/> those on the terms.
    /// </summary>
    private sealed record Match(string From, string Reports, string Filter, string Terms)
    {
        public string Where => $"{Filter} AND {Terms}";
    }

    /// <summary>A term as a tsquery: the phrase of its bigrams, or a prefix.</summary>
    private static string TsQuery(SearchTerm term) =>
        term.IsPrefix
            ? $"{ReportSearchIndex.Lexeme(term.Tokens[0])}:*"
            : string.Join(" <-> ", term.Tokens.Select(ReportSearchIndex.Lexeme));

    /// <summary>A term as an FTS5 query: the phrase of its bigrams, or a prefix.</summary>
    private static string Fts5(SearchTerm term) =>
        term.IsPrefix ? $"\"{term.Tokens[0]}\" *" : $"\"{string.Join(' ', term.Tokens)}\"";

    /// <summary>SQL Server has no bigram index: every term is a LIKE over the name and the narrative parts.</summary>
    private IQueryable<AnnualReport> Fallback(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName)
    {
        var reports = db.Reports.AsNoTracking().Published();
        if (year is { } y)
        {
            reports = reports.Where(r => r.Year == y);
        }

        if (subtreePath is not null)
        {
            reports = reports.InSubtree(subtreePath);
        }

        foreach (var text in terms.Select(t => t.Text))
        {
            reports = reports.Where(r => r.Organization.Name.Contains(text) || (r.Sections.Overview ?? "").Contains(text)
                || (r.Sections.Problems ?? "").Contains(text) || (r.Sections.OtherMatters ?? "").Contains(text));
        }

        var texts = terms.Select(t => t.Text).ToList();
        return inName
            ? reports.Where(r => texts.Any(text => r.Organization.Name.Contains(text)))
            : reports.Where(r => !texts.Any(text => r.Organization.Name.Contains(text)));
    }
}
