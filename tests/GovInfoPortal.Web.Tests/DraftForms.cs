using GovInfoPortal.Core.Formats;
using GovInfoPortal.Web.Clerk;

namespace GovInfoPortal.Web.Tests;

/// <summary>What the editor form posts, built from the format definition: every cell, the narrative, 签发人.</summary>
public static class DraftForms
{
    public const string Overview = "（测试）本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障情况。";

    /// <summary>A part 五 that names concrete problems and last year's rectification (the content rules pass it).</summary>
    public const string Problems = "（测试）部分栏目更新不及时，政策解读形式单一，兼职人员业务不熟；针对上年度问题已完成整改。";

    /// <summary>A part 六 that states the 信息处理费.</summary>
    public const string OtherMatters = "（测试）本年度未收取信息处理费。";

    /// <summary>
    /// A clean 2021 report: every figure 0 (all sums hold), every narrative part written so that the content
    /// rules pass it, signed off.
    /// <paramref name="cells"/> overrides figures by (table, row, column) code, null for empty.
    /// </summary>
    public static List<KeyValuePair<string, string>> Clean(int version, IReadOnlyDictionary<(string Table, string Row, string Column), string?>? cells = null,
        string? signedBy = "张三", ReportFormat format = ReportFormat.Format2021)
    {
        var definition = FormatDefinition.For(format);
        var fields = new List<KeyValuePair<string, string>> { new(DraftInput.VersionField, version.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        foreach (var part in definition.NarrativeParts)
        {
            fields.Add(new(DraftInput.SectionField(part.Code), part.Code switch
            {
                SectionCodes.Overview => Overview,
                SectionCodes.Problems => Problems,
                _ => OtherMatters,
            }));
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
