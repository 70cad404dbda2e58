using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary><c>values.missing</c>, <c>values.invalid</c> and <c>format.mismatch</c>.</summary>
public sealed class ValueRules : FindingRules
{
    protected override IEnumerable<Finding> Check(ReportValidationContext context)
    {
        var report = context.Report;
        var expectedFormat = ReportFormats.ForYear(report.Year);
        if (report.Format != expectedFormat)
        {
            yield return Report(Rules.FormatMismatch, expectedFormat.Code(), report.Format.Code(),
                $"{report.Year}年度报告应使用{expectedFormat.DisplayName()}，实际使用{report.Format.DisplayName()}");
        }

        foreach (var table in report.Definition().Tables)
        {
            var values = report.Table(table.Code);
            foreach (var cell in table.Cells)
            {
                var value = values[cell.Row.Code, cell.Column.Code];
                if (value is null)
                {
                    yield return Cell(Rules.ValuesMissing, cell, null, null, "未填写（没有数据的请填 0）");
                }
                else if (!StatedFigures.IsValid(cell.Column.Kind, value.Value))
                {
                    yield return Cell(Rules.ValuesInvalid, cell, null, value, InvalidDetail(cell.Column.Kind, value.Value));
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
