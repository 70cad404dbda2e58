using System.Xml.Linq;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Documents.Graphic;
using UglyToad.PdfPig;

namespace GovInfoPortal.Documents.Tests.Graphic;

/// <summary>The 图解 of 泉港区 2023 (its published figures) against the demo's 2022, and of a 2019 report with no year before.</summary>
public sealed class GraphicRendererTests
{
    private const string Title = "泉港区2023年政府信息公开工作年度报告";
    private const string Footer = "数据来源：泉港区2023年政府信息公开工作年度报告（第 1 版）。";

    private static ReportDocument Quangang2022 =>
        DemoDataSeeder.HistoryReports().Single(d => d.Organization.Code == "350505" && d.Year == 2022);

    private static GraphicSummary Summary => GraphicSummary.Of(TestReports.Quangang2023, Quangang2022)!;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_summary_reads_the_published_figures_by_cell_code_and_last_years_beside_them()
    {
        var summary = Summary;
        var last = Quangang2022;
        Assert.Equal(2022, summary.PreviousYear);

        var requests = summary.Group(GraphicSummary.RequestsGroup).Figures;
        Assert.Equal(("本年新收", 26m), (requests[0].Label, requests[0].Value!.Value));
        Assert.Equal(last.Applications["newlyReceived", "total"], requests[0].Previous);
        Assert.Equal(26 - last.Applications["newlyReceived", "total"], requests[0].Change);

        var outcomes = summary.Group(GraphicSummary.OutcomesGroup).Figures.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年度继续办理"], outcomes.Keys);
        Assert.Equal([20m, 2m, 2m, 2m, 0m, 0m, 0m], outcomes.Values.Select(v => v!.Value));

        var litigation = summary.Group(GraphicSummary.LitigationGroup).Figures.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(1, litigation["结果维持"]);
        Assert.Equal(3, litigation["结果纠正"]);
        Assert.Equal(4, litigation["总计"]);
        Assert.Equal(0, summary.Group(GraphicSummary.ReviewGroup).Figures[^1].Value);

        var disclosure = summary.Group(GraphicSummary.DisclosureGroup).Figures.ToDictionary(f => f.Label);
        Assert.Equal(1717, disclosure["行政许可·本年处理决定数量"].Value);
        Assert.Equal(216, disclosure["行政规范性文件·现行有效件数"].Value);
        Assert.Equal(CellKind.Amount, disclosure["行政事业性收费·本年收费金额（万元）"].Kind);
        Assert.Equal("84.6%", summary.DisclosureRate.Display);
    }

    [Fact]
    public void Across_formats_only_the_cells_both_formats_have_are_compared()
    {
        var xiyuan2021 = DemoDataSeeder.HistoryReports().Single(d => d.Organization.Code == "350582003" && d.Year == 2021);
        var summary = GraphicSummary.Of(xiyuan2021, TestReports.Xiyuan2020)!;

        var disclosure = summary.Group(GraphicSummary.DisclosureGroup).Figures.ToDictionary(f => f.Label);
        Assert.Null(disclosure["行政规范性文件·本年制发件数"].Previous); // the 2019 form has 本年新制作数量 instead
        Assert.Equal(0, disclosure["行政许可·本年处理决定数量"].Previous);
        Assert.Equal("—", disclosure["行政规范性文件·本年制发件数"].ChangeText);
        Assert.Equal(0, summary.Group(GraphicSummary.OutcomesGroup).Figures[5].Previous); // （六）其他处理: one row in 2019, three in 2021
    }

    [Fact]
    public void Without_last_years_report_nothing_is_compared_and_a_legacy_report_has_no_graphic()
    {
        var summary = GraphicSummary.Of(TestReports.Quangang2023, null)!;
        Assert.False(summary.HasPrevious);
        Assert.All(summary.Groups.SelectMany(g => g.Figures), f => Assert.Null(f.Previous));
        Assert.DoesNotContain("增减", summary.Describe(Title), StringComparison.Ordinal);

        // A legacy report of the year before does not count; a report of two years before neither.
        Assert.False(GraphicSummary.Of(DemoDataSeeder.HistoryReports().Single(d => d.Organization.Code == "350582001" && d.Year == 2019), TestReports.Qingyang2018)!.HasPrevious);
        Assert.False(GraphicSummary.Of(TestReports.Quangang2023, DemoDataSeeder.HistoryReports().Single(d => d.Organization.Code == "350505" && d.Year == 2021))!.HasPrevious);
        Assert.Null(GraphicSummary.Of(TestReports.Qingyang2018, null));
    }

    [Fact]
    public void The_page_chart_is_an_image_with_its_figures_as_title_and_description()
    {
        var summary = Summary;
        var svg = XElement.Parse(GraphicRenderer.PageChart(summary, summary.Group(GraphicSummary.RequestsGroup), "c"));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c-title c-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("2023年收到政府信息公开申请图表", svg.Element(Svg + "title")!.Value);
        var description = svg.Element(Svg + "desc")!.Value;
        Assert.Contains($"本年新收 26（2022年 {Quangang2022.Applications["newlyReceived", "total"]}，增减 ", description, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "本年新收");
    }

    [Fact]
    public void The_poster_svg_is_well_formed_with_its_text_alternative_and_the_text_as_glyph_outlines()
    {
        var bytes = GraphicRenderer.PosterSvg(Summary, Title, Footer);
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var svg = document.Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("zh-CN", (string?)svg.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(Title + "图解", svg.Element(Svg + "title")!.Value);
        var description = svg.Element(Svg + "desc")!.Value;
        Assert.Contains("本年新收 26", description, StringComparison.Ordinal);
        Assert.Contains("行政诉讼：结果维持 1", description, StringComparison.Ordinal);
        Assert.Contains("公开率 84.6%", description, StringComparison.Ordinal);

        // No font needed to show it: every glyph is a path, used where the text stands.
        Assert.Empty(svg.Descendants(Svg + "text"));
        Assert.NotEmpty(svg.Descendants(Svg + "defs").Elements(Svg + "path"));
        Assert.NotEmpty(svg.Descendants(Svg + "use"));
    }

    [Fact]
    public void The_poster_pdf_is_one_a4_page_with_the_figures_as_text()
    {
        var bytes = GraphicRenderer.PosterPdf(Summary, Title, Footer);
        using var pdf = PdfDocument.Open(bytes);

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(595, page.Width, 0);
        Assert.Equal(842, page.Height, 0);
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("本年新收", text, StringComparison.Ordinal);
        Assert.Contains("1,717", text, StringComparison.Ordinal);
        Assert.Contains("84.6%", text, StringComparison.Ordinal);
        Assert.Contains("与2022年度报告对比", text, StringComparison.Ordinal);
        Assert.Equal(Title + "图解", pdf.Information.Title);
    }

    [Fact]
    public void The_poster_png_is_an_image_of_twice_the_poster_size()
    {
        var bytes = GraphicRenderer.PosterPng(Summary, Title, Footer);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(2000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(2828, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
