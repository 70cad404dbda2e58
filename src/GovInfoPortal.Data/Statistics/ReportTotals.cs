using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Statistics;

/// <summary>The sums of every cell of a format's tables over a set of published reports, and how many reports they cover.</summary>
public sealed record TableTotals(int Reports, ReportTable ActiveDisclosure, ReportTable Applications, ReportTable ReviewLitigation)
{
    public ReportTable Table(string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => ActiveDisclosure,
        TableCodes.Applications => Applications,
        TableCodes.ReviewLitigation => ReviewLitigation,
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };

    public static readonly TableTotals None = new(0, ReportTable.Empty, ReportTable.Empty, ReportTable.Empty);

    /// <summary>
    /// The totals without the cells whose column is not <see cref="ColumnDefinition.Summable"/> (the 2019 form's
    /// 上一年项目数量 and 本年增/减): what a city-wide sum may show.
    /// </summary>
    public TableTotals SummableOnly(FormatDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ReportTable Filter(string tableCode) =>
            ReportTable.FromCells(definition.FindTable(tableCode)?.Cells
                .Where(cell => cell.Column.Summable)
                .Select(cell => (cell.Row.Code, cell.Column.Code, Table(tableCode)[cell.Row.Code, cell.Column.Code])) ?? []);

        return new TableTotals(Reports, Filter(TableCodes.ActiveDisclosure), Filter(TableCodes.Applications), Filter(TableCodes.ReviewLitigation));
    }
}

/// <summary>
/// Sums the official tables of published reports in the database: one aggregate query whose sums are
/// generated from the format definition and read from the JSON table columns with each provider's JSON
/// functions. Figures are summed as stated; empty cells count as nothing.
/// </summary>
public sealed class ReportTotals(GovInfoDbContext db)
{
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

    /// <summary>
    /// PostgreSQL: the table columns decompressed once per report (a <c>jsonb || '{}'</c> is a fresh value),
    /// instead of once per cell read from them — a several-fold difference over many reports.
    /// </summary>
    private string Unpacked() => db.Database.IsNpgsql()
        ? "CROSS JOIN LATERAL (SELECT " + string.Join(", ", TableCodes.All.Select(code =>
            $"r.{Column(TableProperty(code))} || '{{}}'::jsonb AS {Column(TableProperty(code))}")) + " OFFSET 0) x"
        : string.Empty;

    /// <summary>One cell of a JSON table column as a number, in the provider's SQL.</summary>
    private string Extract(CellDefinition cell)
    {
        if (db.Database.IsNpgsql())
        {
            return $"(x.{Column(TableProperty(cell.Table.Code))} -> '{cell.Row.Code}' ->> '{cell.Column.Code}')::numeric";
        }

        var column = $"r.{Column(TableProperty(cell.Table.Code))}";

        var path = $"'$.\"{cell.Row.Code}\".\"{cell.Column.Code}\"'";
        return db.Database.IsSqlServer()
            ? $"CAST(JSON_VALUE({column}, {path}) AS decimal(28, 6))"
            : $"json_extract({column}, {path})";
    }

    private static string TableProperty(string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => nameof(AnnualReport.ActiveDisclosure),
        TableCodes.Applications => nameof(AnnualReport.Applications),
        TableCodes.ReviewLitigation => nameof(AnnualReport.ReviewLitigation),
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };

    private string Concat(string left, string right) => db.Database.IsSqlServer() ? $"{left} + {right}" : $"{left} || {right}";

    private string Table<T>() => RawSql.Table<T>(db);

    private static string Column(string name) => RawSql.Quote(name);
}
