using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Checks against last year's report of the same organization, when it is known:
/// <c>crossYear.carriedOver</c>, <c>crossYear.inForce</c> (2021) and <c>crossYear.previousCount</c> (2019).
/// </summary>
internal sealed class CrossYearRules : IFindingRules
{
    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var (report, lastYear) = (input.Context.Report, input.Context.LastYear);
        if (lastYear is null || lastYear.Year != report.Year - 1)
        {
            return [];
        }

        var findings = CarriedOver(input);
        if (report.Format == lastYear.Format && report.Format == ReportFormat.Format2021)
        {
            findings = findings.Concat(InForce(input));
        }
        else if (report.Format == lastYear.Format && report.Format == ReportFormat.Format2019)
        {
            findings = findings.Concat(PreviousCount(input));
        }

        return findings;
    }

    private static IEnumerable<Finding> CarriedOver(ValidationInput input)
    {
        if (input.Report[TableCodes.Applications] is not { } figures || input.LastYear?[TableCodes.Applications] is not { } last)
        {
            yield break;
        }

        var table = figures.Definition;
        var carriedOver = table.FindRow(ApplicationRow.CarriedOver)!;
        foreach (var column in carriedOver.Columns)
        {
            if (figures.Usable(table.IndexOf(carriedOver.Code, column.Code)) is { } stated &&
                last.Usable(last.Definition.IndexOf(ApplicationRow.CarriedForward, column.Code)) is { } expected &&
                stated != expected)
            {
                yield return Cell(Rules.CrossYearCarriedOver, new CellDefinition(table, carriedOver, column), expected, stated,
                    $"填报 {Number(stated)}，上一年度报告“结转下年度继续办理”为 {Number(expected)}");
            }
        }
    }

    private static IEnumerable<Finding> InForce(ValidationInput input)
    {
        var figures = input.Report[TableCodes.ActiveDisclosure]!;
        var last = input.LastYear![TableCodes.ActiveDisclosure]!;
        var table = figures.Definition;
        foreach (var row in table.Rows)
        {
            if (row.FindColumn(DisclosureColumn.InForce) is not { } inForce)
            {
                continue;
            }

            if (figures.Usable(table.IndexOf(row.Code, DisclosureColumn.InForce)) is { } stated &&
                last.Usable(last.Definition.IndexOf(row.Code, DisclosureColumn.InForce)) is { } lastInForce &&
                figures.Usable(table.IndexOf(row.Code, DisclosureColumn.Made)) is { } made &&
                figures.Usable(table.IndexOf(row.Code, DisclosureColumn.Repealed)) is { } repealed &&
                lastInForce + made - repealed is var expected && expected != stated)
            {
                yield return Cell(Rules.CrossYearInForce, new CellDefinition(table, row, inForce), expected, stated,
                    $"填报 {Number(stated)}，按上年现行有效 {Number(lastInForce)} 件加本年制发 {Number(made)} 件减本年废止 {Number(repealed)} 件应为 {Number(expected)}");
            }
        }
    }

    private static IEnumerable<Finding> PreviousCount(ValidationInput input)
    {
        var figures = input.Report[TableCodes.ActiveDisclosure]!;
        var last = input.LastYear![TableCodes.ActiveDisclosure]!;
        var table = figures.Definition;
        foreach (var row in table.Rows)
        {
            if (row.FindColumn(DisclosureColumn.Previous) is not { } previous)
            {
                continue;
            }

            if (figures.Usable(table.IndexOf(row.Code, DisclosureColumn.Previous)) is { } stated &&
                last.Usable(last.Definition.IndexOf(row.Code, DisclosureColumn.Previous)) is { } lastPrevious &&
                last.Usable(last.Definition.IndexOf(row.Code, DisclosureColumn.Change)) is { } lastChange &&
                lastPrevious + lastChange is var expected && expected != stated)
            {
                yield return Cell(Rules.CrossYearPreviousCount, new CellDefinition(table, row, previous), expected, stated,
                    $"填报 {Number(stated)}，按上一年度报告的上一年项目数量 {Number(lastPrevious)} 加本年增/减 {Number(lastChange)} 应为 {Number(expected)}");
            }
        }
    }
}
