using System.Text.Json.Nodes;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Core.Tests;

/// <summary>
/// The example reports of the interchange format (the shared <see cref="SampleReports"/>) and ways to
/// derive test reports from them one cell at a time.
/// </summary>
internal static class TestReports
{
    public const string QuangangFile = SampleReports.Quangang2023File;
    public const string XiyuanFile = SampleReports.Xiyuan2020File;

    /// <summary>A file of this project's TestData/ (the reference texts).</summary>
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static string Json(string file) => SampleReports.Json(file);

    public static ReportDocument Read(string json)
    {
        var result = ReportDocumentReader.Read(json);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Document!;
    }

    /// <summary>泉州市泉港区人民政府 2023, format 2021: a clean report.</summary>
    public static ReportDocument Quangang2023() => SampleReports.Quangang2023;

    /// <summary>晋江市西园街道办事处 2020, format 2019, all zero: a clean report.</summary>
    public static ReportDocument Xiyuan2020() => SampleReports.Xiyuan2020;

    /// <summary>
    /// 晋江市青阳街道办事处 2018, a legacy report: the archived document and the headline figures of its
    /// statistics annex (2018 column).
    /// </summary>
    public static ReportDocument Qingyang2018() => new()
    {
        Organization = new OrganizationRef("晋江市青阳街道办事处", Parent: "晋江市"),
        Year = 2018,
        Format = ReportFormat.Legacy,
        Document = "qingyang-street-2018.pdf",
        LegacyFigures = TableRow.Of(new Dictionary<string, decimal?>
        {
            ["主动公开文件数"] = 158,
            ["政务网站公开数"] = 158,
            ["政府公报公开数"] = 0,
            ["受理政府信息公开申请总数"] = 1,
            ["网络申请数"] = 1,
            ["对申请的答复总数"] = 1,
            ["同意公开答复数"] = 0,
            ["不予公开答复总数"] = 0,
            ["其他类型答复数"] = 1,
            ["接受行政申诉、举报数"] = 0,
            ["行政复议数"] = 0,
            ["行政诉讼数"] = 0,
        }),
    };

    /// <summary>Xiyuan's next year in format 2021: the 2021 layout (taken from Quangang's document) with every cell 0.</summary>
    public static ReportDocument Xiyuan2021()
    {
        var root = JsonNode.Parse(Json(QuangangFile))!.AsObject();
        root["organization"] = JsonNode.Parse("""{ "name": "晋江市西园街道办事处", "parent": "晋江市" }""");
        root["year"] = 2021;
        root.Remove("publishedOn");
        foreach (var table in TableCodes.All)
        {
            ZeroCells(root[table]!);
        }

        return Read(root.ToJsonString());
    }

    /// <summary>The document as if it were the report of another year (for last-year reports).</summary>
    public static ReportDocument AsYear(this ReportDocument document, int year) => document with { Year = year, PublishedOn = null };

    public static ReportDocument WithCell(this ReportDocument document, string table, string row, string column, decimal? value) =>
        table switch
        {
            TableCodes.ActiveDisclosure => document with { ActiveDisclosure = document.ActiveDisclosure.With(row, column, value) },
            TableCodes.Applications => document with { Applications = document.Applications.With(row, column, value) },
            TableCodes.ReviewLitigation => document with { ReviewLitigation = document.ReviewLitigation.With(row, column, value) },
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };

    public static ReportDocument WithApplications(this ReportDocument document, string row, string column, decimal? value) =>
        document.WithCell(TableCodes.Applications, row, column, value);

    public static ReportDocument WithSection(this ReportDocument document, string part, string? text) =>
        document with { Sections = document.Sections.With(part, text) };

    private static void ZeroCells(JsonNode node)
    {
        foreach (var (name, child) in node.AsObject().ToArray())
        {
            if (child is JsonObject)
            {
                ZeroCells(child);
            }
            else
            {
                node[name] = 0;
            }
        }
    }
}
