using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Core.Validation;

/// <summary>A figure the form states as the sum of others: a total and its parts, and the rule that checks it.</summary>
/// <param name="Basis">How the sum is named beside the total: 按申请人合计, 按分项合计.</param>
public sealed record CellSum(string Rule, CellDefinition Total, IReadOnlyList<CellDefinition> Parts, string Basis);

/// <summary>表三's balance of one column: 一 + 二 = （七）总计 + 四.</summary>
public sealed record ColumnBalance(ColumnDefinition Column, IReadOnlyList<CellDefinition> Incoming, IReadOnlyList<CellDefinition> Outgoing)
{
    public IEnumerable<CellDefinition> Cells => Incoming.Concat(Outgoing);
}

/// <summary>
/// The sums and balances the official tables state, from the format definition: the relations the sum rules
/// (<c>applications.rowTotal</c>, <c>applications.handledTotal</c>, <c>reviewLitigation.groupTotal</c>,
/// <c>applications.balance</c>) check, for the surfaces that show them while a clerk types.
/// </summary>
public static class TableSums
{
    public static IReadOnlyList<CellSum> For(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Code switch
        {
            TableCodes.Applications => [.. ApplicationSums(table)],
            TableCodes.ReviewLitigation => [.. table.Rows.Select(row => Sum(Rules.ReviewLitigationGroupTotal, table, row, ReviewColumn.Total, ReviewColumn.Parts, "按分项合计"))],
            _ => [],
        };
    }

    public static IReadOnlyList<ColumnBalance> Balances(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Code != TableCodes.Applications)
        {
            return [];
        }

        CellDefinition Cell(string row, ColumnDefinition column) => new(table, table.FindRow(row)!, column);
        return
        [
            .. table.UniformColumns.Select(column => new ColumnBalance(column,
                [Cell(ApplicationRow.NewlyReceived, column), Cell(ApplicationRow.CarriedOver, column)],
                [Cell(ApplicationRow.HandledTotal, column), Cell(ApplicationRow.CarriedForward, column)])),
        ];
    }

    private static IEnumerable<CellSum> ApplicationSums(TableDefinition table)
    {
        foreach (var row in table.Rows)
        {
            yield return Sum(Rules.ApplicationsRowTotal, table, row, Applicant.Total, Applicant.Parts, "按申请人合计");
        }

        var handledTotal = table.FindRow(ApplicationRow.HandledTotal)!;
        var outcomes = table.Rows.Where(ApplicationsRules.IsHandlingOutcome).ToArray();
        foreach (var column in table.UniformColumns)
        {
            yield return new CellSum(Rules.ApplicationsHandledTotal, new CellDefinition(table, handledTotal, column),
                [.. outcomes.Select(row => new CellDefinition(table, row, column))], "按分项合计");
        }
    }

    private static CellSum Sum(string rule, TableDefinition table, RowDefinition row, string total, IEnumerable<string> parts, string basis) =>
        new(rule, new CellDefinition(table, row, row.FindColumn(total)!),
            [.. parts.Select(part => new CellDefinition(table, row, row.FindColumn(part)!))], basis);
}
