using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// Writes the kept totals (<see cref="OrganizationYearTotal"/>): a change applied to an organization and its
/// ancestors, a row rolled up again from its children, and the whole table rebuilt from the reports in bulk.
/// Every write runs on the context's connection inside its current transaction.
/// </summary>
/// <remarks>
/// Concurrency: a change locks each row it changes (PostgreSQL and SQL Server) before reading it, always in the order
/// of (organization id, year), so two publications in different subtrees wait for each other on a shared ancestor
/// instead of losing an update, and cannot deadlock on these rows; SQLite has a single writer. Rolling up again
/// (an organization moved or deleted) and the rebuild lock the table first, so no change is applied meanwhile.
/// </remarks>
public static class OrganizationTotals
{
    /// <summary>The rows that hold a subtree's totals: its root's, or every top-level organization's for <c>/</c>.</summary>
    public static IQueryable<OrganizationYearTotal> SubtreeRows(GovInfoDbContext db, string subtreePath)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subtreePath);
        return SubtreeRows(db, RootOf(subtreePath));
    }

    /// <summary>The rows of an organization's subtree, or of every top-level organization's when it is null.</summary>
    public static IQueryable<OrganizationYearTotal> SubtreeRows(GovInfoDbContext db, int? organizationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.OrganizationYearTotals.AsNoTracking();
        return organizationId is { } id
            ? rows.Where(t => t.OrganizationId == id)
            : rows.Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.ParentId == null));
    }

    /// <summary>The organization a path names (its last id), or null for <c>/</c>.</summary>
    private static int? RootOf(string path)
    {
        var ids = Ids(path);
        return ids.Count == 0 ? null : ids[^1];
    }

    /// <summary>The ids of a materialized path from the root down.</summary>
    internal static List<int> Ids(string path) =>
        [.. path.Split(Organization.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];

    /// <summary>Adds each change to its row, in (organization, year) order, each row locked before it is read.</summary>
    internal static async Task ApplyAsync(GovInfoDbContext db, IReadOnlyDictionary<(int OrganizationId, int Year), SubtreeSums> changes,
        CancellationToken cancellationToken)
    {
        foreach (var ((organizationId, year), change) in changes.OrderBy(c => c.Key.OrganizationId).ThenBy(c => c.Key.Year))
        {
            if (change.IsZero)
            {
                continue;
            }

            var row = await LockAsync(db, organizationId, year, cancellationToken);
            row.Add(change);
            await WriteAsync(db, organizationId, year, row, cancellationToken);
        }
    }

    /// <summary>
    /// Rolls the rows of these organizations up again from their children's rows and their own published reports,
    /// deepest first (so that an ancestor sums children already rolled up); for an organization moved or deleted,
    /// on the ancestors it left and the ones it joined.
    /// </summary>
    internal static async Task RollUpAsync(GovInfoDbContext db, IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken)
    {
        if (organizationIds.Count == 0)
        {
            return;
        }

        await LockTableAsync(db, cancellationToken);
        var ids = organizationIds.ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        foreach (var organization in paths.OrderByDescending(o => Ids(o.Path).Count).ThenBy(o => o.Id))
        {
            await RollUpAsync(db, organization.Id, cancellationToken);
        }
    }

    private static async Task RollUpAsync(GovInfoDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        var byYear = new SortedDictionary<int, SubtreeSums>();
        SubtreeSums Year(int year) => byYear.TryGetValue(year, out var sums) ? sums : byYear[year] = SubtreeSums.Zero();

        var children = await db.OrganizationYearTotals.AsNoTracking()
            .Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.ParentId == organizationId))
            .Select(t => new { t.Year, t.Reports, t.Tabled, t.Sums })
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            Year(child.Year).Add(SubtreeSums.Parse(child.Reports, child.Tabled, child.Sums));
        }

        var own = await db.Reports.AsNoTracking()
            .Published().Where(r => r.OrganizationId == organizationId)
            .Select(r => new { r.Year, r.Format, r.ActiveDisclosure, r.Applications, r.ReviewLitigation })
            .ToListAsync(cancellationToken);
        foreach (var report in own)
        {
            Year(report.Year).Add(SubtreeSums.OfReport(report.Year, report.Format, report.ActiveDisclosure, report.Applications, report.ReviewLitigation));
        }

        await RawSql.ExecuteAsync(db, $"DELETE FROM {Table(db)} WHERE {Column("OrganizationId")} = @organization",
            [("@organization", organizationId)], cancellationToken);
        foreach (var (year, sums) in byYear.Where(pair => !pair.Value.IsZero))
        {
            await RawSql.ExecuteAsync(db, $"""
                INSERT INTO {Table(db)} ({Column("OrganizationId")}, {Column("Year")}, {Column("Reports")}, {Column("Tabled")}, {Column("Sums")})
                VALUES (@organization, @year, @reports, @tabled, @sums)
                """, Values(organizationId, year, sums), cancellationToken);
        }
    }

    /// <summary>Fills the table when it is empty while published reports exist (a database from before it).</summary>
    public static async Task EnsureBuiltAsync(GovInfoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.OrganizationYearTotals.AnyAsync(cancellationToken)
            || !await db.Reports.Published().AnyAsync(cancellationToken))
        {
            return;
        }

        await RebuildAsync(db, cancellationToken);
    }

    /// <summary>
    /// Computes every row again from the published reports, in bulk: per year one set-based statement that sums each
    /// report into its organization and every ancestor (a recursive walk up the parents) and writes the rows —
    /// the same sums as <see cref="ReportTableSums"/>. In the current transaction, or one of its own.
    /// </summary>
    public static async Task RebuildAsync(GovInfoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockTableAsync(db, cancellationToken);
            await RawSql.ExecuteAsync(db, $"DELETE FROM {Table(db)}", [], cancellationToken);
            var years = await db.Reports.AsNoTracking().Published()
                .Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
            foreach (var year in years.Order())
            {
                await RawSql.ExecuteAsync(db, RebuildSql(db, year),
                    [("@status", (int)ReportStatus.Published), ("@year", year), ("@format", (int)ReportFormats.ForYear(year))], cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The statement that writes a year's rows: the sums as JSON are put together in SQL, cells no report filled in left out.</summary>
    private static string RebuildSql(GovInfoDbContext db, int year)
    {
        var sql = new TableSql(db);
        var definition = FormatDefinition.For(ReportFormats.ForYear(year));
        var cells = definition.HasTables ? definition.Tables.SelectMany(t => t.Cells).ToList() : [];
        var organizations = sql.Table<Organization>();
        var id = Column("Id");
        var parentId = Column("ParentId");
        var extracted = string.Concat(cells.Select((cell, i) =>
            $", CASE WHEN r.{Column("Format")} = @format THEN {sql.Extract(cell)} END AS c{i}"));
        // Only a format with tables has reports whose tables are summed (as SubtreeSums.OfReport counts them).
        var tabled = cells.Count == 0 ? "0" : $"CASE WHEN r.{Column("Format")} = @format THEN 1 ELSE 0 END";
        var aggregates = string.Concat(cells.Select((_, i) => $", {sql.Sum($"own.c{i}")} AS s{i}, COUNT(own.c{i}) AS n{i}"));
        var json = cells.Count == 0
            ? $"'{SubtreeSums.EmptyJson}'"
            : sql.Concat("'{'", sql.FromSecond(sql.Concat([.. cells.Select((cell, i) =>
                $"CASE WHEN g.n{i} > 0 THEN {sql.Concat($"',\"{SubtreeSums.Key(cell)}\":['", sql.AsText($"g.s{i}"), "','", sql.AsText($"g.n{i}"), "']'")} ELSE '' END")])), "'}'");
        return $"""
            WITH {(sql.IsSqlServer ? "" : "RECURSIVE ")}ancestors (organization, ancestor) AS (
                SELECT {id}, {id} FROM {organizations}
                UNION ALL
                SELECT a.organization, o.{parentId} FROM ancestors a JOIN {organizations} o ON o.{id} = a.ancestor WHERE o.{parentId} IS NOT NULL
            ),
            own AS {(sql.IsNpgsql ? "MATERIALIZED " : "")}(
                SELECT r.{Column("OrganizationId")} AS organization, {tabled} AS tabled{extracted}
                FROM {sql.Table<AnnualReport>()} r
                {sql.Unpacked()}
                WHERE r.{Column("Status")} = @status AND r.{Column("Year")} = @year
            ),
            g AS (
                SELECT a.ancestor, COUNT(*) AS reports, SUM(own.tabled) AS tabled{aggregates}
                FROM own JOIN ancestors a ON a.organization = own.organization
                GROUP BY a.ancestor
            )
            INSERT INTO {Table(db)} ({Column("OrganizationId")}, {Column("Year")}, {Column("Reports")}, {Column("Tabled")}, {Column("Sums")})
            SELECT g.ancestor, {year.ToString(CultureInfo.InvariantCulture)}, g.reports, g.tabled, {json} FROM g
            """;
    }

    /// <summary>The row, created empty when missing, locked until the transaction ends, as it stands.</summary>
    private static Task<SubtreeSums> LockAsync(GovInfoDbContext db, int organizationId, int year, CancellationToken cancellationToken)
    {
        var table = Table(db);
        var key = $"{Column("OrganizationId")} = @organization AND {Column("Year")} = @year";
        var columns = $"{Column("Reports")}, {Column("Tabled")}, {Column("Sums")}";
        var insert = $"INSERT INTO {table} ({Column("OrganizationId")}, {Column("Year")}, {columns}) VALUES (@organization, @year, 0, 0, '{SubtreeSums.EmptyJson}')";
        var sql = db.Database.IsNpgsql()
            ? $"{insert.Replace($"INSERT INTO {table}", $"INSERT INTO {table} AS t", StringComparison.Ordinal)} ON CONFLICT ({Column("OrganizationId")}, {Column("Year")}) DO UPDATE SET {Column("Reports")} = t.{Column("Reports")} RETURNING {columns}"
            : db.Database.IsSqlServer()
                ? $"IF NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {key}) {insert}; SELECT {columns} FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {key}"
                : $"{insert} ON CONFLICT DO NOTHING; SELECT {columns} FROM {table} WHERE {key}";
        return RawSql.ReadAsync(db, sql, [("@organization", organizationId), ("@year", year)], async reader =>
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The totals row of organization {organizationId}, {year} was neither found nor created.");
            }

            return SubtreeSums.Parse(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2));
        }, cancellationToken);
    }

    /// <summary>Writes a locked row's new totals; a row that no report counts in any more is removed.</summary>
    private static Task WriteAsync(GovInfoDbContext db, int organizationId, int year, SubtreeSums sums, CancellationToken cancellationToken)
    {
        var key = $"{Column("OrganizationId")} = @organization AND {Column("Year")} = @year";
        var sql = sums.IsZero
            ? $"DELETE FROM {Table(db)} WHERE {key}"
            : $"UPDATE {Table(db)} SET {Column("Reports")} = @reports, {Column("Tabled")} = @tabled, {Column("Sums")} = @sums WHERE {key}";
        return RawSql.ExecuteAsync(db, sql, Values(organizationId, year, sums), cancellationToken);
    }

    /// <summary>
    /// Keeps changes out of the table while it is rolled up or rebuilt (they wait for the transaction to end):
    /// PostgreSQL and SQL Server; SQLite has a single writer anyway.
    /// </summary>
    private static Task LockTableAsync(GovInfoDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql() ? RawSql.ExecuteAsync(db, $"LOCK TABLE {Table(db)} IN SHARE ROW EXCLUSIVE MODE", [], cancellationToken)
        : db.Database.IsSqlServer() ? RawSql.ExecuteAsync(db, $"SELECT TOP 0 1 FROM {Table(db)} WITH (TABLOCKX, HOLDLOCK)", [], cancellationToken)
        : Task.CompletedTask;

    private static (string Name, object? Value)[] Values(int organizationId, int year, SubtreeSums sums) =>
        [("@organization", organizationId), ("@year", year), ("@reports", sums.Reports), ("@tabled", sums.Tabled), ("@sums", sums.ToJson())];

    private static string Table(GovInfoDbContext db) => RawSql.Table<OrganizationYearTotal>(db);

    private static string Column(string name) => RawSql.Quote(name);
}
