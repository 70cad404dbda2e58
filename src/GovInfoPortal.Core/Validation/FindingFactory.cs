using System.Globalization;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>Builds findings with the rule's severity and the official labels of the cell they point at.</summary>
internal static class FindingFactory
{
    public static Finding Cell(string rule, CellDefinition cell, object? expected, object? actual, string detail) =>
        new(rule, Rules.SeverityOf(rule), cell.Table.Code, cell.Row.Code, cell.Column.Code, expected, actual,
            $"{cell.MessageLabel}：{detail}");

    public static Finding Column(string rule, TableDefinition table, ColumnDefinition column, object? expected, object? actual, string detail) =>
        new(rule, Rules.SeverityOf(rule), table.Code, null, column.Code, expected, actual,
            $"{table.MessageLabel}·{column.Label}：{detail}");

    public static Finding Report(string rule, object? expected, object? actual, string message) =>
        new(rule, Rules.SeverityOf(rule), null, null, null, expected, actual, message);

    public static Finding Section(string rule, NarrativePartDefinition part, object? expected, object? actual, string detail) =>
        new(rule, Rules.SeverityOf(rule), SectionCodes.Sections, part.Code, null, expected, actual, $"{part.Heading}：{detail}");

    /// <summary>A figure as a reader writes it: no trailing zeros, no thousands separators.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
