using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary><c>values.missing</c>, <c>values.invalid</c> and <c>format.mismatch</c>.</summary>
internal sealed class ValueRules : IFindingRules
{
    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var report = input.Context.Report;
        var expectedFormat = ReportFormats.ForYear(report.Year);
        if (report.Format != expectedFormat)
        {
            yield return Report(Rules.FormatMismatch, expectedFormat.Code(), report.Format.Code(),
                $"{report.Year}年度报告应使用{expectedFormat.DisplayName()}，实际使用{report.Format.DisplayName()}");
        }

        foreach (var table in FormatDefinition.For(report.Format).Tables)
        {
            var figures = input.Report[table.Code]!;
            if (figures.AllUsable)
            {
                continue;
            }

            var cells = table.Cells;
            for (var i = 0; i < cells.Count; i++)
            {
                if (figures.Stated(i) is not { } value)
                {
                    yield return Cell(Rules.ValuesMissing, cells[i], null, null, "未填写（没有数据的请填 0）");
                }
                else if (figures.Usable(i) is null)
                {
                    yield return Cell(Rules.ValuesInvalid, cells[i], null, value, InvalidDetail(cells[i].Column.Kind, value));
                }
            }
        }
    }

    private static string InvalidDetail(CellKind kind, decimal value) => kind switch
    {
        CellKind.Amount => $"填报 {Number(value)}，金额不能为负数",
        CellKind.SignedCount => $"填报 {Number(value)}，应为整数",
        _ => $"填报 {Number(value)}，应为不小于 0 的整数",
    };
}
