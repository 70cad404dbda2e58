using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Checks against last year's report of the same organization, when it is known:
/// <c>crossYear.carriedOver</c>, <c>crossYear.inForce</c> (2021) and <c>crossYear.previousCount</c> (2019).
/// </summary>
public sealed class CrossYearRules : FindingRules
{
    protected override IEnumerable<Finding> Check(ReportValidationContext context)
    {
        var (report, lastYear) = (context.Report, context.LastYear);
        if (lastYear is null || lastYear.Year != report.Year - 1)
        {
            return [];
        }

        return CarriedOver(report, lastYear)
            .Concat(InForce(report, lastYear))
            .Concat(PreviousCount(report, lastYear));
    }

    private static IEnumerable<Finding> CarriedOver(IReportContent report, IReportContent lastYear)
    {
        var table = report.Definition().FindTable(TableCodes.Applications);
        var lastTable = lastYear.Definition().FindTable(TableCodes.Applications);
        if (table is null || lastTable is null)
        {
            yield break;
        }

        var figures = new StatedFigures(table, report.Applications);
        var lastFigures = new StatedFigures(lastTable, lastYear.Applications);
        var carriedOver = table.FindRow(ApplicationRow.CarriedOver)!;
        foreach (var column in carriedOver.Columns)
        {
            if (figures.Usable(carriedOver, column) is { } stated &&
                lastFigures.Usable(ApplicationRow.CarriedForward, column.Code) is { } expected &&
                stated != expected)
            {
                yield return Cell(Rules.CrossYearCarriedOver, new CellDefinition(table, carriedOver, column), expected, stated,
                    $"填报 {Number(stated)}，上一年度报告“结转下年度继续办理”为 {Number(expected)}");
            }
        }
    }

    private static IEnumerable<Finding> InForce(IReportContent report, IReportContent lastYear)
    {
        if (report.Format != ReportFormat.Format2021 || lastYear.Format != ReportFormat.Format2021)
        {
            yield break;
        }

        var table = report.Definition().ActiveDisclosure;
        var figures = new StatedFigures(table, report.ActiveDisclosure);
        var lastFigures = new StatedFigures(lastYear.Definition().ActiveDisclosure, lastYear.ActiveDisclosure);
        foreach (var row in table.Rows.Where(r => r.FindColumn(DisclosureColumn.InForce) is not null))
        {
            var inForce = row.FindColumn(DisclosureColumn.InForce)!;
            if (figures.Usable(row, inForce) is { } stated &&
                lastFigures.Usable(row.Code, DisclosureColumn.InForce) is { } lastInForce &&
                figures.Usable(row.Code, DisclosureColumn.Made) is { } made &&
                figures.Usable(row.Code, DisclosureColumn.Repealed) is { } repealed &&
                lastInForce + made - repealed is var expected && expected != stated)
            {
                yield return Cell(Rules.CrossYearInForce, new CellDefinition(table, row, inForce), expected, stated,
                    $"填报 {Number(stated)}，按上年现行有效 {Number(lastInForce)} 件加本年制发 {Number(made)} 件减本年废止 {Number(repealed)} 件应为 {Number(expected)}");
            }
        }
    }

    private static IEnumerable<Finding> PreviousCount(IReportContent report, IReportContent lastYear)
    {
        if (report.Format != ReportFormat.Format2019 || lastYear.Format != ReportFormat.Format2019)
        {
            yield break;
        }

        var table = report.Definition().ActiveDisclosure;
        var figures = new StatedFigures(table, report.ActiveDisclosure);
        var lastFigures = new StatedFigures(lastYear.Definition().ActiveDisclosure, lastYear.ActiveDisclosure);
        foreach (var row in table.Rows.Where(r => r.FindColumn(DisclosureColumn.Previous) is not null))
        {
            var previous = row.FindColumn(DisclosureColumn.Previous)!;
            if (figures.Usable(row, previous) is { } stated &&
                lastFigures.Usable(row.Code, DisclosureColumn.Previous) is { } lastPrevious &&
                lastFigures.Usable(row.Code, DisclosureColumn.Change) is { } lastChange &&
                lastPrevious + lastChange is var expected && expected != stated)
            {
                yield return Cell(Rules.CrossYearPreviousCount, new CellDefinition(table, row, previous), expected, stated,
                    $"填报 {Number(stated)}，按上一年度报告的上一年项目数量 {Number(lastPrevious)} 加本年增/减 {Number(lastChange)} 应为 {Number(expected)}");
            }
        }
    }
}
