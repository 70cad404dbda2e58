using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Table 三: <c>applications.rowTotal</c>, <c>applications.handledTotal</c>, <c>applications.balance</c>.
/// Each rule compares the figures as stated, independently of the others.
/// </summary>
internal sealed class ApplicationsRules : IFindingRules
{
    private static readonly HashSet<string> HandlingRows = [ApplicationRow.Granted, ApplicationRow.PartiallyGranted, ApplicationRow.OtherHandling];

    private static readonly HashSet<string> HandlingGroups =
        [ApplicationRow.Denied, ApplicationRow.Unavailable, ApplicationRow.NotProcessed, ApplicationRow.OtherHandling];

    /// <summary>The rows whose sum is （七）总计: （一） to （六） with all their sub-rows.</summary>
    public static bool IsHandlingOutcome(RowDefinition row) =>
        HandlingRows.Contains(row.Code) || (row.GroupCode is not null && HandlingGroups.Contains(row.GroupCode));

    private sealed record SumCheck(CellDefinition Stated, int StatedIndex, int[] Parts);

    private sealed record BalanceCheck(ColumnDefinition Column, int[] Incoming, int[] Outgoing);

    private sealed record Plan(SumCheck[] RowTotals, SumCheck[] HandledTotals, BalanceCheck[] Balances);

    private static Plan Build(TableDefinition table)
    {
        int Index(string row, string column) => table.IndexOf(row, column);
        var total = table.Rows[0].FindColumn(Applicant.Total)!;

        var rowTotals = table.Rows.Select(row => new SumCheck(
            new CellDefinition(table, row, total), Index(row.Code, Applicant.Total),
            [.. Applicant.Parts.Select(part => Index(row.Code, part))])).ToArray();

        var handledTotal = table.FindRow(ApplicationRow.HandledTotal)!;
        var outcomes = table.Rows.Where(IsHandlingOutcome).ToArray();
        var handledTotals = table.UniformColumns.Select(column => new SumCheck(
            new CellDefinition(table, handledTotal, column), Index(handledTotal.Code, column.Code),
            [.. outcomes.Select(row => Index(row.Code, column.Code))])).ToArray();

        var balances = table.UniformColumns.Select(column => new BalanceCheck(column,
            [Index(ApplicationRow.NewlyReceived, column.Code), Index(ApplicationRow.CarriedOver, column.Code)],
            [Index(ApplicationRow.HandledTotal, column.Code), Index(ApplicationRow.CarriedForward, column.Code)])).ToArray();

        return new Plan(rowTotals, handledTotals, balances);
    }

    public IEnumerable<Finding> Check(ValidationInput input)
    {
        if (input.Report[TableCodes.Applications] is not { } figures)
        {
            yield break;
        }

        var plan = Plans<Plan>.For(figures.Definition, Build);
        foreach (var check in plan.RowTotals)
        {
            if (figures.Sum(check.Parts) is { } sum && figures.Usable(check.StatedIndex) is { } stated && sum != stated)
            {
                yield return Cell(Rules.ApplicationsRowTotal, check.Stated, sum, stated,
                    $"填报 {Number(stated)}，按各类申请人合计应为 {Number(sum)}");
            }
        }

        foreach (var check in plan.HandledTotals)
        {
            if (figures.Sum(check.Parts) is { } sum && figures.Usable(check.StatedIndex) is { } stated && sum != stated)
            {
                yield return Cell(Rules.ApplicationsHandledTotal, check.Stated, sum, stated,
                    $"填报 {Number(stated)}，按分项合计应为 {Number(sum)}");
            }
        }

        foreach (var check in plan.Balances)
        {
            if (figures.Sum(check.Incoming) is { } received && figures.Sum(check.Outgoing) is { } dealtWith && received != dealtWith)
            {
                yield return Column(Rules.ApplicationsBalance, figures.Definition, check.Column, received, dealtWith,
                    $"本年新收与上年结转之和为 {Number(received)}，办理结果总计与结转下年度之和为 {Number(dealtWith)}，两者应相等");
            }
        }
    }
}
