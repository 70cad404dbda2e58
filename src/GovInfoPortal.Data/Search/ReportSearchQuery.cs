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
    public const int MaxCounted = 1000;

    public async Task<SearchHits> SearchAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0)
        {
            return SearchHits.None;
        }

        var skip = Math.Max(0, (page - 1) * pageSize);
        var named = await CountAsync(terms, year, subtreePath, inName: true, cancellationToken);
        var others = await CountAsync(terms, year, subtreePath, inName: false, cancellationToken);

        var ids = new List<int>();
        if (skip < named)
        {
            ids.AddRange(await PageAsync(terms, year, subtreePath, inName: true, skip, pageSize, cancellationToken));
        }

        if (ids.Count < pageSize)
        {
            ids.AddRange(await PageAsync(terms, year, subtreePath, inName: false, Math.Max(0, skip - named), pageSize - ids.Count, cancellationToken));
        }

        return new SearchHits(ids, Math.Min(named + others, MaxCounted), named + others >= MaxCounted);
    }

    private async Task<int> CountAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            return await Fallback(terms, year, subtreePath, inName).Take(MaxCounted).CountAsync(cancellationToken);
        }

        var (from, where, parameters) = Matching(terms, year, subtreePath, inName);
        var sql = $"SELECT COUNT(*) FROM (SELECT 1 FROM {from} WHERE {where} LIMIT {MaxCounted}) AS matching";
        return await RawSql.RunAsync(db, sql, parameters,
            async command => Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture),
            cancellationToken);
    }

    private async Task<IReadOnlyList<int>> PageAsync(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName, int skip, int take,
        CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            return await Fallback(terms, year, subtreePath, inName).OrderByDescending(r => r.Id).Skip(skip).Take(take)
                .Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var (from, where, parameters) = Matching(terms, year, subtreePath, inName);
        var sql = $"SELECT r.\"Id\" FROM {from} WHERE {where} ORDER BY r.\"Id\" DESC LIMIT {take} OFFSET {skip}";
        return await RawSql.IdsAsync(db, sql, parameters, cancellationToken);
    }

    /// <summary>The FROM and WHERE of the reports that match every term, with (or without) a term in the name.</summary>
    private (string From, string Where, List<(string, object?)> Parameters) Matching(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName)
    {
        var index = RawSql.Quote(ReportSearchIndex.TableName);
        var reports = RawSql.Table<AnnualReport>(db);
        var parameters = new List<(string, object?)> { ("@status", (int)ReportStatus.Published) };
        string from;
        var where = new List<string> { "r.\"Status\" = @status" };
        if (db.Database.IsNpgsql())
        {
            from = $"{index} s JOIN {reports} r ON r.\"Id\" = s.\"ReportId\"";
            where.Add("s.\"Terms\" @@ @all::tsquery");
            where.Add(inName ? "s.\"Terms\" @@ @name::tsquery" : "NOT (s.\"Terms\" @@ @name::tsquery)");
            parameters.Add(("@all", string.Join(" & ", terms.Select(t => $"({TsQuery(t, null)})"))));
            parameters.Add(("@name", string.Join(" | ", terms.Select(t => $"({TsQuery(t, "A")})"))));
        }
        else
        {
            from = $"{index} JOIN {reports} r ON r.\"Id\" = {index}.rowid";
            where.Add($"{index} MATCH @match");
            var all = string.Join(" AND ", terms.Select(Fts5));
            var name = $"Name : ({string.Join(" OR ", terms.Select(Fts5))})";
            parameters.Add(("@match", inName ? $"({all}) AND ({name})" : $"({all}) NOT ({name})"));
        }

        if (year is { } y)
        {
            where.Add("r.\"Year\" = @year");
            parameters.Add(("@year", y));
        }

        if (subtreePath is not null)
        {
            from += $" JOIN {RawSql.Table<Organization>(db)} o ON o.\"Id\" = r.\"OrganizationId\"";
            where.Add("o.\"Path\" LIKE @path");
            parameters.Add(("@path", subtreePath + "%"));
        }

        return (from, string.Join(" AND ", where), parameters);
    }

    /// <summary>A term as a tsquery: the phrase of its bigrams, or a prefix; restricted to a weight when given.</summary>
    private static string TsQuery(SearchTerm term, string? weight) =>
        term.IsPrefix
            ? $"{ReportSearchIndex.Lexeme(term.Tokens[0])}:*{weight}"
            : string.Join(" <-> ", term.Tokens.Select(token => weight is null ? ReportSearchIndex.Lexeme(token) : $"{ReportSearchIndex.Lexeme(token)}:{weight}"));

    /// <summary>A term as an FTS5 query: the phrase of its bigrams, or a prefix.</summary>
    private static string Fts5(SearchTerm term) =>
        term.IsPrefix ? $"\"{term.Tokens[0]}\" *" : $"\"{string.Join(' ', term.Tokens)}\"";

    /// <summary>SQL Server has no bigram index: every term is a LIKE over the name and the narrative parts.</summary>
    private IQueryable<AnnualReport> Fallback(IReadOnlyList<SearchTerm> terms, int? year, string? subtreePath, bool inName)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);
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
