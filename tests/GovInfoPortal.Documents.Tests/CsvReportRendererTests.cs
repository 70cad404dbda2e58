using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents.Tests;

public sealed class CsvReportRendererTests
{
    private static ReportDocument Report(ReportFormat format, ReportTable? applications = null) => new()
    {
        Organization = new OrganizationRef("泉州市泉港区人民政府", "350505", "泉州市"),
        Year = format == ReportFormat.Format2021 ? 2023 : 2020,
        Format = format,
        Applications = applications ?? ReportTable.Empty,
    };

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData(ReportFormat.Format2021, 10 + (25 * 7) + 15)]
    [InlineData(ReportFormat.Format2019, 22 + (23 * 7) + 15)]
    public void Writes_one_line_per_cell_of_the_format(ReportFormat format, int cells)
    {
        var lines = Lines(CsvReportRenderer.Render(Report(format)));

        Assert.Equal("机关,机关代码,年度,格式,表,表代码,行代码,行,列代码,列,数值", lines[0]);
        Assert.Equal(cells, lines.Length - 1);
    }

    [Fact]
    public void Names_each_cell_by_codes_and_official_labels()
    {
        var applications = ReportTable.Empty.With("denied.internalAffairs", "naturalPerson", 1);

        var lines = Lines(CsvReportRenderer.Render(Report(ReportFormat.Format2021, applications)));

        Assert.Contains(
            "泉州市泉港区人民政府,350505,2023,2021,表三 收到和处理政府信息公开申请情况,applications,denied.internalAffairs," +
            "三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息,naturalPerson,自然人,1",
            lines);
        Assert.Contains(lines, line => line.EndsWith(",granted,三、本年度办理结果 （一）予以公开,total,总计,", StringComparison.Ordinal));
    }

    [Fact]
    public void Starts_with_a_byte_order_mark_for_spreadsheets()
    {
        using var buffer = new MemoryStream();
        CsvReportRenderer.Render(Report(ReportFormat.Format2021), buffer);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), buffer.ToArray()[..3]);
    }

    [Fact]
    public void Quotes_fields_with_commas_and_defuses_formulas()
    {
        var document = Report(ReportFormat.Format2021) with
        {
            Organization = new OrganizationRef("=HYPERLINK(\"x\"),某局", null),
        };

        var line = Lines(CsvReportRenderer.Render(document))[1];

        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\"),某局\",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_legacy_headline_figures()
    {
        var document = new ReportDocument
        {
            Organization = new OrganizationRef("晋江市青阳街道办事处"),
            Year = 2018,
            Format = ReportFormat.Legacy,
            LegacyFigures = TableRow.Of([new("主动公开文件数", 158m)]),
        };

        var lines = Lines(CsvReportRenderer.Render(document));

        Assert.Equal(2, lines.Length);
        Assert.EndsWith("统计附表,legacyFigures,主动公开文件数,主动公开文件数,value,数值,158", lines[1], StringComparison.Ordinal);
    }
}

public sealed class ReportFileNamesTests
{
    [Theory]
    [InlineData("泉州市泉港区人民政府", "泉州市", "泉港区")]
    [InlineData("晋江市西园街道办事处", "晋江市", "西园街道")]
    [InlineData("晋江市教育局", "晋江市", "教育局")]
    [InlineData("晋江市人民政府", "泉州市", "晋江市")]
    [InlineData("某办事处", null, "某")]
    public void Short_names_drop_the_parent_and_the_official_suffix(string name, string? parent, string expected) =>
        Assert.Equal(expected, ReportFileNames.ShortName(name, parent));

    [Fact]
    public void File_names_follow_the_published_titles()
    {
        var report = new ReportDocument
        {
            Organization = new OrganizationRef("泉州市泉港区人民政府", "350505", "泉州市"),
            Year = 2023,
            Format = ReportFormat.Format2021,
        };

        Assert.Equal("泉港区2023年政府信息公开工作年度报告.pdf", ReportFileNames.For(report, "pdf"));
    }
}
