using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Documents.Composition;
using GovInfoPortal.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GovInfoPortal.Documents.Tests.Pdf;

public sealed class PdfRendererTests
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    private static string Text(Page page) => string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static string AllText(PdfDocument pdf) => string.Concat(pdf.GetPages().Select(Text));

    [Theory]
    [MemberData(nameof(TestReports.Codes), MemberType = typeof(TestReports))]
    public void Renders_a_demo_report_as_an_A4_document_with_its_title(string code)
    {
        var report = TestReports.ByCode(code);

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        Assert.InRange(pdf.NumberOfPages, 1, 6);
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(A4Width, page.Width, 0);
            Assert.Equal(A4Height, page.Height, 0);
        });
        Assert.StartsWith(ReportFileNames.Title(report), Text(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.Equal(ReportFileNames.Title(report), pdf.Information.Title);
        Assert.Contains(report.Organization.Name, Text(pdf.GetPage(pdf.NumberOfPages)));
    }

    [Fact]
    public void Prints_every_figure_of_the_tables()
    {
        var report = TestReports.Quangang2023;

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        var text = AllText(pdf);
        foreach (var heading in report.Definition().Parts.Select(p => p.Heading))
        {
            Assert.Contains(heading, text);
        }

        Assert.Contains("第二十条第（八）项", text);
        Assert.Contains("435.18246", text);
        Assert.Contains("1717", text);
        Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", text);
        Assert.Contains("5.属于三类内部事务信息1000001", text); // the row label, then its seven figures
        Assert.Contains("13004", text); // 行政诉讼·未经复议直接起诉: 1 upheld, 3 corrected, 0, 0, total 4
        Assert.Contains("2024年1月10日", text);
    }

    [Fact]
    public void Numbers_pages_under_the_text_odd_right_and_even_left()
    {
        using var pdf = PdfDocument.Open(PdfRenderer.Render(TestReports.Quangang2023));

        Assert.True(pdf.NumberOfPages >= 2);
        foreach (var page in pdf.GetPages())
        {
            var number = page.Letters.Where(l => l.Value == page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).MinBy(l => l.BoundingBox.Bottom)!;
            var dashes = page.Letters.Where(l => l.Value == "—" && Math.Abs(l.StartBaseLine.Y - number.StartBaseLine.Y) < 0.5).ToList();
            Assert.Equal(2, dashes.Count);

            // Below the text block (which ends 35 mm above the bottom edge), right half on odd pages and left half on even ones.
            Assert.True(number.StartBaseLine.Y < 35 * 72 / 25.4 - 15, $"page {page.Number}: {number.StartBaseLine.Y}");
            Assert.Equal(page.Number % 2 == 1, number.StartBaseLine.X > A4Width / 2);
        }
    }

    [Fact]
    public void Embeds_subsets_of_the_shipped_fonts_and_stays_small()
    {
        var bytes = PdfRenderer.Render(TestReports.QuangangWithSubParts);

        Assert.True(bytes.Length <= 200 * 1024, $"{bytes.Length} bytes");
        using var pdf = PdfDocument.Open(bytes);
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, name => Assert.Matches("^[A-Z]{6}\\+", name));
        Assert.Contains(fonts, name => name.EndsWith("AR PL SungtiL GB", StringComparison.Ordinal));
        Assert.Contains(fonts, name => name.EndsWith("AR PL KaitiM GB", StringComparison.Ordinal));
        Assert.Contains(fonts, name => name.EndsWith("WenQuanYi Zen Hei", StringComparison.Ordinal));
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Equal(3, CountOf(raw, "/FontFile2"));
    }

    [Fact]
    public void The_demo_report_of_2023_is_at_most_200_KB()
    {
        var bytes = PdfRenderer.Render(TestReports.Quangang2023);

        Assert.True(bytes.Length <= 200 * 1024, $"{bytes.Length} bytes");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Sets_headings_in_their_faces()
    {
        using var pdf = PdfDocument.Open(PdfRenderer.Render(TestReports.QuangangWithSubParts));

        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.Equal("AR PL KaitiM GB", FontOf(letters, "（一）主动公开"));
        Assert.Equal("AR PL KaitiM GB", FontOf(letters, "（二）依申请公开。"));
        Assert.Equal("AR PL SungtiL GB", FontOf(letters, "全年收到申请"));
        Assert.Equal("WenQuanYi Zen Hei", FontOf(letters, "一、总体情况"));
        Assert.Equal("AR PL SungtiL GB", FontOf(letters, "1.办理流程"));
        Assert.Equal("AR PL KaitiM GB", FontOf(letters, "林某")); // 签发人
    }

    /// <summary>The font (without its subset tag) of the letters spelling <paramref name="text"/>, which must all share one.</summary>
    private static string FontOf(List<Letter> letters, string text)
    {
        var values = string.Concat(letters.Select(l => l.Value));
        var at = values.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{text} not found");
        var fonts = letters.Skip(at).Take(text.Length).Select(l => l.FontName[(l.FontName.IndexOf('+', StringComparison.Ordinal) + 1)..]).Distinct().ToList();
        return Assert.Single(fonts);
    }

    [Fact]
    public void Falls_back_to_the_sans_font_for_characters_outside_GB_2312()
    {
        var report = TestReports.Quangang2023 with { Organization = new("某市堃德区人民政府", null, "某市") };

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        var letters = pdf.GetPage(1).Letters;
        var rare = letters.First(l => l.Value == "堃");
        Assert.EndsWith("WenQuanYi Zen Hei", rare.FontName, StringComparison.Ordinal);
        Assert.EndsWith("AR PL SungtiL GB", letters.First(l => l.Value == "德").FontName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_with_empty_cells_renders_its_labels_and_the_figures_it_has()
    {
        var report = TestReports.WithEmptyCells;

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        var text = AllText(pdf);
        Assert.Contains("一、本年新收政府信息公开申请数量7", text);
        Assert.Contains("二、上年结转政府信息公开申请数量三、本年度办理结果", text); // a row with no figures
        Assert.Contains("未经复议直接起诉", text);
        Assert.DoesNotContain("435", text);
        Assert.DoesNotContain("2024年1月", text); // not published: no date
    }

    [Fact]
    public void Body_lines_hold_28_characters()
    {
        var report = TestReports.Quangang2023 with
        {
            Sections = TestReports.Quangang2023.Sections with { Overview = string.Concat(Enumerable.Repeat("政务公开工作稳步推进", 12)) },
        };

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        var lines = pdf.GetPage(1).Letters
            .Where(l => l.PointSize > 15 && l.PointSize < 17 && "政务公开工作稳步推进".Contains(l.Value, StringComparison.Ordinal))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Select(g => g.Count())
            .ToList();
        Assert.Equal(26, lines[0]); // two characters of indent
        Assert.Equal(28, lines[1]);
        Assert.Equal(28, lines[2]);
    }

    [Fact]
    public void A_table_longer_than_a_page_goes_on_with_its_heading_row_repeated()
    {
        var figures = TableRow.Of(Enumerable.Range(1, 80).Select(i => new KeyValuePair<string, decimal?>($"第{i}项指标", i)));
        var report = TestReports.Qingyang2018 with { LegacyFigures = figures };

        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));

        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        Assert.All(pdf.GetPages(), page => Assert.Contains("统计指标数值", Text(page)));
        var text = AllText(pdf);
        Assert.All(Enumerable.Range(1, 80), i => Assert.Contains($"第{i}项指标{i}", text));
    }

    [Fact]
    public void Renders_concurrently()
    {
        var reports = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? TestReports.Quangang2023 : TestReports.Xiyuan2020).ToList();

        var rendered = reports.AsParallel().Select(PdfRenderer.Render).ToList();

        Assert.All(rendered, bytes =>
        {
            using var pdf = PdfDocument.Open(bytes);
            Assert.True(pdf.NumberOfPages > 1);
        });
    }

    [Fact]
    public void Tables_keep_the_official_layout_of_every_row()
    {
        var report = TestReports.Quangang2023;
        using var pdf = PdfDocument.Open(PdfRenderer.Render(report));
        var text = AllText(pdf);

        // Each row of each table prints its cells left to right: labels, then figures.
        foreach (var table in report.Definition().Tables)
        {
            foreach (var row in OfficialTableLayout.For(table).BodyRows)
            {
                var expected = string.Concat(row.Cells.Select(c => c.Kind == LayoutCellKind.Value
                    ? DocumentTable.FigureText(report.Table(table.Code)[c.Cell!.Row.Code, c.Cell.Column.Code])
                    : c.Text));
                Assert.Contains(expected.Replace(" ", string.Empty, StringComparison.Ordinal), text);
            }
        }
    }
}
