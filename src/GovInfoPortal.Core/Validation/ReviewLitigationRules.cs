using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>Table 四: <c>reviewLitigation.groupTotal</c>.</summary>
public sealed class ReviewLitigationRules : FindingRules
{
    protected override IEnumerable<Finding> Check(ReportValidationContext context)
    {
        if (context.Report.Definition().FindTable(TableCodes.ReviewLitigation) is not { } table)
        {
            yield break;
        }

        var figures = new StatedFigures(table, context.Report.ReviewLitigation);
        foreach (var row in table.Rows)
        {
            var total = row.FindColumn(ReviewColumn.Total)!;
            var parts = ReviewColumn.Parts.Select(code => (row, row.FindColumn(code)!));
            if (figures.Sum(parts) is { } sum && figures.Usable(row, total) is { } stated && sum != stated)
            {
                yield return Cell(Rules.ReviewLitigationGroupTotal, new CellDefinition(table, row, total), sum, stated,
                    $"填报 {Number(stated)}，按结果维持、结果纠正、其他结果、尚未审结合计应为 {Number(sum)}");
            }
        }
    }
}
