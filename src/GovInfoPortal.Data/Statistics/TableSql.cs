using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// The SQL that reads the cells of the JSON table columns of reports (alias <c>r</c>) with each provider's JSON
/// functions: shared by the summing query (<see cref="ReportTableSums"/>) and the rebuild of the kept totals
/// (<see cref="OrganizationTotals.RebuildAsync"/>).
/// </summary>
internal sealed class TableSql(GovInfoDbContext db)
{
    public bool IsNpgsql { get; } = db.Database.IsNpgsql();

    public bool IsSqlServer { get; } = db.Database.IsSqlServer();

    /// <summary>
    /// PostgreSQL: the table columns decompressed once per report (a <c>jsonb || '{}'</c> is a fresh value),
    /// instead of once per cell read from them — a several-fold difference over many reports.
    /// </summary>
    public string Unpacked() => IsNpgsql
        ? "CROSS JOIN LATERAL (SELECT " + string.Join(", ", TableCodes.All.Select(code =>
            $"r.{Column(TableProperty(code))} || '{{}}'::jsonb AS {Column(TableProperty(code))}")) + " OFFSET 0) x"
        : string.Empty;

    /// <summary>One cell of a JSON table column as a number, in the provider's SQL.</summary>
    public string Extract(CellDefinition cell)
    {
        if (IsNpgsql)
        {
            return $"(x.{Column(TableProperty(cell.Table.Code))} -> '{cell.Row.Code}' ->> '{cell.Column.Code}')::numeric";
        }

        var column = $"r.{Column(TableProperty(cell.Table.Code))}";

        var path = $"'$.\"{cell.Row.Code}\".\"{cell.Column.Code}\"'";
        return IsSqlServer
            ? $"CAST(JSON_VALUE({column}, {path}) AS decimal(28, 6))"
            : $"json_extract({column}, {path})";
    }

    /// <summary>
    /// A sum of cells. SQLite adds fractional figures as binary floating point (3765.7000000000003); rounded to the
    /// six decimals SQL Server keeps, the sum is the exact decimal one again, as PostgreSQL's numeric gives it.
    /// </summary>
    public string Sum(string expression) => IsNpgsql || IsSqlServer ? $"SUM({expression})" : $"round(SUM({expression}), 6)";

    /// <summary>String concatenation.</summary>
    public string Concat(params string[] parts) => string.Join(IsSqlServer ? " + " : " || ", parts);

    /// <summary>A number or text as text (SQL Server: of any length).</summary>
    public string AsText(string expression) => IsSqlServer ? $"CAST({expression} AS nvarchar(max))" : $"CAST({expression} AS text)";

    /// <summary>The text without its first character.</summary>
    public string FromSecond(string expression) => IsSqlServer ? $"SUBSTRING({expression}, 2, 2147483647)" : $"substr({expression}, 2)";

    public string Table<T>() => RawSql.Table<T>(db);

    public static string Column(string name) => RawSql.Quote(name);

    private static string TableProperty(string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => nameof(AnnualReport.ActiveDisclosure),
        TableCodes.Applications => nameof(AnnualReport.Applications),
        TableCodes.ReviewLitigation => nameof(AnnualReport.ReviewLitigation),
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };
}
