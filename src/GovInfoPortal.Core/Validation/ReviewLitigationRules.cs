using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>Table 四: <c>reviewLitigation.groupTotal</c>.</summary>
internal sealed class ReviewLitigationRules : IFindingRules
{
    private sealed record GroupCheck(CellDefinition Total, int TotalIndex, int[] Parts);

    private static GroupCheck[] Build(TableDefinition table) =>
    [
        .. table.Rows.Select(row => new GroupCheck(
            new CellDefinition(table, row, row.FindColumn(ReviewColumn.Total)!),
            table.IndexOf(row.Code, ReviewColumn.Total),
            [.. ReviewColumn.Parts.Select(part => table.IndexOf(row.Code, part))])),
    ];

    public IEnumerable<Finding> Check(ValidationInput input)
    {
        if (input.Report[TableCodes.ReviewLitigation] is not { } figures)
        {
            yield break;
        }

        foreach (var check in Plans<GroupCheck[]>.For(figures.Definition, Build))
        {
            if (figures.Sum(check.Parts) is { } sum && figures.Usable(check.TotalIndex) is { } stated && sum != stated)
            {
                yield return Cell(Rules.ReviewLitigationGroupTotal, check.Total, sum, stated,
                    $"填报 {Number(stated)}，按结果维持、结果纠正、其他结果、尚未审结合计应为 {Number(sum)}");
            }
        }
    }
}
