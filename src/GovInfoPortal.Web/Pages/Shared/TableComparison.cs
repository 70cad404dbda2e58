using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.AspNetCore.Html;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>
/// Two reports' tables cell by cell in the official layout: each figure cell holds the first report's figure and,
/// below it, the other's with the difference (first − other), marked where they differ. The reviewer's year-on-year
/// comparison and the public comparison page (<c>/compare</c>) both draw it.
/// </summary>
public static class TableComparison
{
    /// <param name="otherLabel">How a cell names the other report (上年, 乙).</param>
    /// <returns>The tables of <paramref name="format"/>, and how many cells both formats have and differ.</returns>
    public static (IReadOnlyList<OfficialTableModel> Tables, int Changed) Compare(
        ReportFormat format, Func<string, ReportTable> current, ReportFormat otherFormat, Func<string, ReportTable> other,
        string idPrefix, string captionPrefix, string otherLabel)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(other);
        var changed = 0;
        var tables = new List<OfficialTableModel>();
        foreach (var table in FormatDefinition.For(format).Tables)
        {
            var now = current(table.Code);
            var before = other(table.Code);
            var comparable = FormatDefinition.For(otherFormat).FindTable(table.Code);
            changed += table.Cells.Count(cell => comparable?.IndexOf(cell.Row.Code, cell.Column.Code) >= 0 &&
                now[cell.Row.Code, cell.Column.Code] != before[cell.Row.Code, cell.Column.Code]);
            tables.Add(OfficialTableModel.For(table, now, idPrefix) with
            {
                CaptionPrefix = captionPrefix,
                FigureContent = cell => Cell(now, before, comparable, cell.Cell!, otherLabel),
            });
        }

        return (tables, changed);
    }

    private static IHtmlContent Cell(ReportTable current, ReportTable previous, TableDefinition? comparable, CellDefinition cell, string otherLabel)
    {
        var now = current[cell.Row.Code, cell.Column.Code];
        var content = new HtmlContentBuilder();
        content.AppendHtml("<span class=\"yoy-now\">").Append(ContentComparison.Figure(now) ?? "—").AppendHtml("</span>");
        if (comparable?.IndexOf(cell.Row.Code, cell.Column.Code) is not >= 0)
        {
            return content.AppendHtml("<span class=\"yoy-last\">").Append($"{otherLabel}无此项").AppendHtml("</span>");
        }

        var before = previous[cell.Row.Code, cell.Column.Code];
        var differs = now != before;
        content.AppendHtml(differs ? "<span class=\"yoy-last yoy-changed\">" : "<span class=\"yoy-last\">")
            .Append($"{otherLabel} ").Append(ContentComparison.Figure(before) ?? "—");
        if (differs && now is { } a && before is { } b)
        {
            content.Append(a > b ? $"（+{ContentComparison.Figure(a - b)}）" : $"（{ContentComparison.Figure(a - b)}）");
        }
        else if (differs)
        {
            content.Append("（有变化）");
        }

        return content.AppendHtml("</span>");
    }
}
