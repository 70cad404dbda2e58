using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Table 三: <c>applications.rowTotal</c>, <c>applications.handledTotal</c>, <c>applications.balance</c>.
/// Each rule compares the figures as stated, independently of the others.
/// </summary>
public sealed class ApplicationsRules : FindingRules
{
    private static readonly HashSet<string> HandlingRows = [ApplicationRow.Granted, ApplicationRow.PartiallyGranted, ApplicationRow.OtherHandling];

    private static readonly HashSet<string> HandlingGroups =
        [ApplicationRow.Denied, ApplicationRow.Unavailable, ApplicationRow.NotProcessed, ApplicationRow.OtherHandling];

    /// <summary>The rows whose sum is （七）总计: （一） to （六） with all their sub-rows.</summary>
    public static bool IsHandlingOutcome(RowDefinition row) =>
        HandlingRows.Contains(row.Code) || (row.GroupCode is not null && HandlingGroups.Contains(row.GroupCode));

    protected override IEnumerable<Finding> Check(ReportValidationContext context)
    {
        if (context.Report.Definition().FindTable(TableCodes.Applications) is not { } table)
        {
            yield break;
        }

        var figures = new StatedFigures(table, context.Report.Applications);
        var total = table.Rows[0].FindColumn(Applicant.Total)!;

        foreach (var row in table.Rows)
        {
            var parts = Applicant.Parts.Select(code => (row, row.FindColumn(code)!));
            if (figures.Sum(parts) is { } sum && figures.Usable(row, total) is { } stated && sum != stated)
            {
                yield return Cell(Rules.ApplicationsRowTotal, new CellDefinition(table, row, total), sum, stated,
                    $"填报 {Number(stated)}，按各类申请人合计应为 {Number(sum)}");
            }
        }

        var handledTotal = table.FindRow(ApplicationRow.HandledTotal)!;
        var outcomes = table.Rows.Where(IsHandlingOutcome).ToArray();
        var newlyReceived = table.FindRow(ApplicationRow.NewlyReceived)!;
        var carriedOver = table.FindRow(ApplicationRow.CarriedOver)!;
        var carriedForward = table.FindRow(ApplicationRow.CarriedForward)!;

        foreach (var column in table.UniformColumns)
        {
            var handled = figures.Usable(handledTotal, column);
            if (figures.Sum(outcomes.Select(row => (row, column))) is { } sum && handled is { } stated && sum != stated)
            {
                yield return Cell(Rules.ApplicationsHandledTotal, new CellDefinition(table, handledTotal, column), sum, stated,
                    $"填报 {Number(stated)}，按分项合计应为 {Number(sum)}");
            }
        }

        foreach (var column in table.UniformColumns)
        {
            var incoming = figures.Sum([(newlyReceived, column), (carriedOver, column)]);
            var outgoing = figures.Sum([(handledTotal, column), (carriedForward, column)]);
            if (incoming is { } received && outgoing is { } dealtWith && received != dealtWith)
            {
                yield return Column(Rules.ApplicationsBalance, table, column, received, dealtWith,
                    $"本年新收与上年结转之和为 {Number(received)}，办理结果总计与结转下年度之和为 {Number(dealtWith)}，两者应相等");
            }
        }
    }
}
