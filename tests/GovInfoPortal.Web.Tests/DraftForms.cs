using GovInfoPortal.Core.Formats;
using GovInfoPortal.Web.Clerk;

namespace GovInfoPortal.Web.Tests;

/// <summary>What the editor form posts, built from the format definition: every cell, the narrative, 签发人.</summary>
public static class DraftForms
{
    public const string Overview = "（测试）本年度政府信息公开工作总体情况。";

    /// <summary>
    /// A clean 2021 report: every figure 0 (all sums hold), every narrative part written, signed off.
    /// <paramref name="cells"/> overrides figures by (table, row, column) code, null for empty.
    /// </summary>
    public static List<KeyValuePair<string, string>> Clean(int version, IReadOnlyDictionary<(string Table, string Row, string Column), string?>? cells = null,
        string? signedBy = "张三", ReportFormat format = ReportFormat.Format2021)
    {
        var definition = FormatDefinition.For(format);
        var fields = new List<KeyValuePair<string, string>> { new(DraftInput.VersionField, version.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        foreach (var part in definition.NarrativeParts)
        {
            fields.Add(new(DraftInput.SectionField(part.Code), part.Code == SectionCodes.Overview ? Overview : $"（测试）{part.Title}：无。"));
        }

        foreach (var cell in definition.Tables.SelectMany(t => t.Cells))
        {
            var value = cells is not null && cells.TryGetValue((cell.Table.Code, cell.Row.Code, cell.Column.Code), out var given) ? given : "0";
            if (value is not null)
            {
                fields.Add(new(DraftInput.CellField(cell), value));
            }
        }

        if (signedBy is not null)
        {
            fields.Add(new(DraftInput.SignedByField, signedBy));
        }

        return fields;
    }

    /// <summary>表三's 自然人 column out of balance: 1 newly received, nothing handled or carried forward.</summary>
    public static readonly IReadOnlyDictionary<(string, string, string), string?> Unbalanced = new Dictionary<(string, string, string), string?>
    {
        [(TableCodes.Applications, "newlyReceived", "naturalPerson")] = "1",
        [(TableCodes.Applications, "newlyReceived", "total")] = "1",
    };
}
