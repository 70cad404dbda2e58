using System.Globalization;
using System.Text.Json.Serialization;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// Everything a report states at one moment, for comparing two moments: the content the validator reads, plus
/// the legacy file and figures, 签发人 and the warning explanations.
/// </summary>
public sealed record ContentSnapshot(int Year, ReportFormat Format, ReportSections Sections, ReportTable ActiveDisclosure, ReportTable Applications,
    ReportTable ReviewLitigation, string? LegacyDocument, TableRow LegacyFigures, string? SignedBy, WarningExplanations Explanations) : IReportContent
{
    public DateOnly? PublishedOn => null;

    public static ContentSnapshot Of(ReportWorkingCopy copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return new(copy.Year, copy.Format, copy.Sections, copy.ActiveDisclosure, copy.Applications, copy.ReviewLitigation, copy.LegacyDocument,
            copy.LegacyFigures, copy.SignedBy, copy.WarningExplanations);
    }

    /// <summary>An interchange document's content with its 签发人 (documents carry no warning explanations).</summary>
    public static ContentSnapshot Of(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.Year, document.Format, document.Sections, document.ActiveDisclosure, document.Applications, document.ReviewLitigation,
            document.Document, document.LegacyFigures, document.SignedBy, WarningExplanations.None);
    }
}

/// <summary>
/// One thing that differs between two versions of a report: a table cell, a narrative part, 签发人, a warning
/// explanation or a legacy figure, with its codes, the zh-CN name a reader knows it by, and both values as text
/// (null where empty).
/// </summary>
/// <param name="Part">The part's code (<see cref="ReportParts"/>: a table or narrative part), or one of <see cref="ContentComparison"/>'s other parts.</param>
public sealed record ContentChange(string Part, string? Row, string? Column, string Label, string? Before, string? After)
{
    [JsonIgnore]
    public bool IsCell => Row is not null && Column is not null && TableCodes.All.Contains(Part);

    [JsonIgnore]
    public bool IsNarrative => SectionCodes.All.Contains(Part);
}

/// <summary>
/// Compares two versions of a report cell by cell (every cell of both formats' tables, in the form's order),
/// part by part and field by field. The audit trail, the review page (changes since the last submission, against
/// the published version, against last year) and the public correction history all read it from here.
/// </summary>
public static class ContentComparison
{
    public const string SignedByPart = "signedBy";
    public const string ExplanationsPart = "explanations";
    public const string LegacyDocumentPart = "legacyDocument";
    public const string LegacyFiguresPart = "legacyFigures";

    /// <summary>The narrative parts and table cells that differ, in the order of the report.</summary>
    public static IReadOnlyList<ContentChange> Compare(IReportContent before, IReportContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ContentChange>();
        var afterDefinition = FormatDefinition.For(after.Format);
        var beforeDefinition = FormatDefinition.For(before.Format);
        foreach (var code in SectionCodes.All)
        {
            var old = Text(before.Sections[code]);
            var current = Text(after.Sections[code]);
            if (old != current)
            {
                changes.Add(new ContentChange(code, null, null, ReportParts.DisplayName(code), old, current));
            }
        }

        foreach (var tableCode in TableCodes.All)
        {
            var cells = (afterDefinition.FindTable(tableCode)?.Cells ?? []).Concat(beforeDefinition.FindTable(tableCode)?.Cells ?? [])
                .DistinctBy(cell => (cell.Row.Code, cell.Column.Code));
            foreach (var cell in cells)
            {
                var old = before.Table(tableCode)[cell.Row.Code, cell.Column.Code];
                var current = after.Table(tableCode)[cell.Row.Code, cell.Column.Code];
                if (old != current)
                {
                    changes.Add(new ContentChange(tableCode, cell.Row.Code, cell.Column.Code, cell.MessageLabel, Figure(old), Figure(current)));
                }
            }
        }

        return [.. changes.OrderBy(change => PartOrder(change.Part))];
    }

    /// <summary>Everything that differs: narrative and cells, then 签发人, the legacy file and figures, and the warning explanations.</summary>
    public static IReadOnlyList<ContentChange> Compare(ContentSnapshot before, ContentSnapshot after)
    {
        var changes = new List<ContentChange>(Compare((IReportContent)before, after));
        if (Text(before.SignedBy) != Text(after.SignedBy))
        {
            changes.Add(new ContentChange(SignedByPart, null, null, "签发人", Text(before.SignedBy), Text(after.SignedBy)));
        }

        if (Text(before.LegacyDocument) != Text(after.LegacyDocument))
        {
            changes.Add(new ContentChange(LegacyDocumentPart, null, null, "存档文件", Text(before.LegacyDocument), Text(after.LegacyDocument)));
        }

        foreach (var name in after.LegacyFigures.Cells.Keys.Union(before.LegacyFigures.Cells.Keys, StringComparer.Ordinal))
        {
            if (before.LegacyFigures[name] != after.LegacyFigures[name])
            {
                changes.Add(new ContentChange(LegacyFiguresPart, null, name, $"主要统计数据·{name}", Figure(before.LegacyFigures[name]), Figure(after.LegacyFigures[name])));
            }
        }

        foreach (var key in after.Explanations.ByKey.Keys.Union(before.Explanations.ByKey.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = before.Explanations.ByKey.GetValueOrDefault(key);
            var current = after.Explanations.ByKey.GetValueOrDefault(key);
            if (old != current)
            {
                changes.Add(new ContentChange(ExplanationsPart, null, key, ExplanationLabel(key, after.Format), old, current));
            }
        }

        return changes;
    }

    /// <summary>A figure as a reader writes it (no thousands separators, no trailing zeros), or null for an empty cell.</summary>
    public static string? Figure(decimal? value) =>
        value?.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>How the explanation of a warning is named: 警告说明·表三二、上年结转…·自然人 (the finding's cell), else its rule.</summary>
    private static string ExplanationLabel(string key, ReportFormat format)
    {
        var parts = key.Split('|');
        if (parts is [var rule, var table, var row, var column] && FormatDefinition.For(format).FindTable(table) is { } definition &&
            definition.IndexOf(row, column) is >= 0 and var index)
        {
            return $"警告说明·{definition.Cells[index].MessageLabel}（{rule}）";
        }

        return $"警告说明·{parts[0]}";
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int PartOrder(string part) => ReportParts.All.IndexOf(part) is >= 0 and var index ? index : ReportParts.All.Count;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
