using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// Sums the official tables of published reports straight from their JSON table columns: one aggregate query
/// whose sums are generated from the format definition. Figures are summed as stated; empty cells count as
/// nothing. It reads every report of the subtree, so the pages read the kept totals instead
/// (<see cref="ReportTotals"/>); this is the reference those are checked against.
/// </summary>
public sealed class ReportTableSums(GovInfoDbContext db)
{
    private readonly TableSql _sql = new(db);

    /// <summary>The totals of the published reports of a year, in the year's format, of a subtree.</summary>
    public async Task<TableTotals> ForSubtreeAsync(string subtreePath, int year, CancellationToken cancellationToken = default)
    {
        var totals = await QueryAsync(year, $"o.{Column("Path")} LIKE @path", null, [("@path", subtreePath + "%")], cancellationToken);
        return totals.GetValueOrDefault(0) ?? TableTotals.None;
    }

    /// <summary>
    /// The totals of each child of an organization over its own subtree (keyed by the child's id), and of
    /// the organization's own report (keyed by its id), for a year, in one query.
    /// </summary>
    public Task<IReadOnlyDictionary<int, TableTotals>> ForChildrenAsync(int parentId, int year, CancellationToken cancellationToken = default)
    {
        var organizations = Table<Organization>();
        var join = $"JOIN {organizations} c ON (c.{Column("ParentId")} = @parent AND o.{Column("Path")} LIKE {Concat($"c.{Column("Path")}", "'%'")}) OR (c.{Column("Id")} = @parent AND o.{Column("Id")} = @parent)";
        return QueryAsync(year, "1 = 1", join, [("@parent", parentId)], cancellationToken);
    }

    private async Task<IReadOnlyDictionary<int, TableTotals>> QueryAsync(int year, string where, string? groupJoin,
        IReadOnlyList<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var format = ReportFormats.ForYear(year);
        var definition = FormatDefinition.For(format);
        var result = new Dictionary<int, TableTotals>();
        if (!definition.HasTables)
        {
            return result;
        }

        var cells = definition.Tables.SelectMany(t => t.Cells).ToList();
        var sums = string.Join(", ", cells.Select(cell => $"SUM({Extract(cell)})"));
        var group = groupJoin is null ? "0" : $"c.{Column("Id")}";
        var sql = $"""
            SELECT {group}, COUNT(*), {sums}
            FROM {Table<AnnualReport>()} r
            JOIN {Table<Organization>()} o ON o.{Column("Id")} = r.{Column("OrganizationId")}
            {Unpacked()}
            {groupJoin}
            WHERE r.{Column("Status")} = @status AND r.{Column("Year")} = @year AND r.{Column("Format")} = @format AND {where}
            {(groupJoin is null ? "" : $"GROUP BY {group}")}
            """;

        var values = new List<(string, object?)> { ("@status", (int)ReportStatus.Published), ("@year", year), ("@format", (int)format) };
        values.AddRange(parameters.Select(p => (p.Name, (object?)p.Value)));
        await RawSql.ReadAsync(db, sql, values, async reader =>
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                var tables = definition.Tables.ToDictionary(t => t.Code, _ => ReportTable.Empty);
                for (var i = 0; i < cells.Count; i++)
                {
                    var value = reader.IsDBNull(i + 2) ? (decimal?)null : Convert.ToDecimal(reader.GetValue(i + 2), CultureInfo.InvariantCulture);
                    var cell = cells[i];
                    tables[cell.Table.Code] = tables[cell.Table.Code].With(cell.Row.Code, cell.Column.Code, value);
                }

                result[key] = new TableTotals(count, tables[TableCodes.ActiveDisclosure], tables[TableCodes.Applications], tables[TableCodes.ReviewLitigation]);
            }

            return result;
        }, cancellationToken);

        return result;
    }

    private string Unpacked() => _sql.Unpacked();

    private string Extract(CellDefinition cell) => _sql.Extract(cell);

    private string Concat(string left, string right) => _sql.Concat(left, right);

    private string Table<T>() => _sql.Table<T>();

    private static string Column(string name) => TableSql.Column(name);
}
