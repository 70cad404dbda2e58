using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace GovInfoPortal.Web.Clerk;

/// <summary>
/// The editor's tables: the official layout of the read-only rendering (<c>_OfficialTable</c>), with an
/// input in every figure cell. Each input is labelled by the layout's header cells, carries its address
/// (table, row, column), its kind (for what may be typed), the sums it is the total of (shown beside it
/// while typing), last year's figure, and the findings that mark it.
/// </summary>
public sealed class EditorGrid(EditorView view)
{
    /// <summary>Prefix of the ids of last year's reference tables, which stand on the same page.</summary>
    public const string LastYearPrefix = "last-";

    private readonly Dictionary<string, IReadOnlyList<CellSum>> _sums = [];

    /// <summary>The table with inputs, in the official layout.</summary>
    public OfficialTableModel Table(TableDefinition table) =>
        OfficialTableModel.For(table, ReportTable.Empty) with { FigureContent = Input };

    /// <summary>Last year's table, read-only, in last year's own format; null when last year's report has no such table.</summary>
    public OfficialTableModel? LastYearTable(string tableCode) =>
        view.LastYear is { } lastYear && FormatDefinition.For(lastYear.Format).FindTable(tableCode) is { } table
            ? OfficialTableModel.For(table, lastYear.Table(tableCode), LastYearPrefix) with { CaptionPrefix = $"上一年度（{lastYear.Year}年）" }
            : null;

    public static string Kind(CellKind kind) => kind switch
    {
        CellKind.SignedCount => "signed",
        CellKind.Amount => "amount",
        _ => "count",
    };

    private IHtmlContent Input(LayoutCell layoutCell)
    {
        var cell = layoutCell.Cell!;
        var id = DraftInput.CellId(cell);
        var content = new HtmlContentBuilder();
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("cell-input");
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = cell.Column.Kind == CellKind.Count ? "numeric" : "decimal";
        input.Attributes["autocomplete"] = "off";
        input.Attributes["id"] = id;
        input.Attributes["name"] = DraftInput.CellField(cell);
        input.Attributes["value"] = view.Input[DraftInput.CellField(cell)];
        input.Attributes["aria-labelledby"] = string.Join(' ', layoutCell.HeaderIds);
        input.Attributes["data-table"] = cell.Table.Code;
        input.Attributes["data-row"] = cell.Row.Code;
        input.Attributes["data-column"] = cell.Column.Code;
        input.Attributes["data-kind"] = Kind(cell.Column.Kind);
        input.Attributes["data-label"] = cell.MessageLabel;
        if (LastYearFigure(cell) is { } last)
        {
            input.Attributes["data-last"] = last;
        }

        var described = new List<string>();
        var sums = SumsOf(cell.Table).Where(sum => sum.Total == cell).ToList();
        for (var i = 0; i < sums.Count; i++)
        {
            var sum = new TagBuilder("span");
            sum.AddCssClass("cell-sum");
            sum.Attributes["id"] = $"sum-{id}-{i}";
            sum.Attributes["data-parts"] = string.Join(' ', sums[i].Parts.Select(DraftInput.CellId));
            sum.Attributes["data-basis"] = sums[i].Basis;
            described.Add(sum.Attributes["id"]!);
            content.AppendHtml(sum);
        }

        var findings = view.Shown.For(id).ToList();
        if (findings.Count > 0)
        {
            input.Attributes["aria-invalid"] = "true";
            input.AddCssClass(findings.Any(f => f.IsError) ? "has-error" : "has-warning");
            var messages = new TagBuilder("span");
            messages.AddCssClass("visually-hidden");
            messages.Attributes["id"] = $"msg-{id}";
            messages.InnerHtml.Append(string.Join("；", findings.Select(f => f.Message)));
            described.Add(messages.Attributes["id"]!);
            content.AppendHtml(messages);
        }

        if (described.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', described);
        }

        return new HtmlContentBuilder().AppendHtml(input).AppendHtml(content);
    }

    private IReadOnlyList<CellSum> SumsOf(TableDefinition table)
    {
        if (!_sums.TryGetValue(table.Code, out var sums))
        {
            _sums[table.Code] = sums = TableSums.For(table);
        }

        return sums;
    }

    /// <summary>Last year's figure of the same row and column, when last year's format has that cell.</summary>
    private string? LastYearFigure(CellDefinition cell) =>
        view.LastYear?.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code] is { } value
            ? OfficialTableModel.Figure(value)
            : null;

    /// <summary>The text for a part's guidance check: which topics the text mentions.</summary>
    public static string Topics(NarrativePartDefinition part) => string.Join('|', part.Guidance);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
