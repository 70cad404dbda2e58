using System.Text.Json.Nodes;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Core.Tests.Interchange;

/// <summary>Reading and writing <c>govinfo-annual-report/1</c> (DESIGN §5) without losing anything.</summary>
public class ReportDocumentRoundTripTests
{
    [Theory]
    [InlineData(TestReports.QuangangFile)]
    [InlineData(TestReports.XiyuanFile)]
    public void Examples_read_without_errors(string file)
    {
        var result = ReportDocumentReader.Read(TestReports.Json(file));

        Assert.True(result.Success);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Quangang_reads_with_its_figures()
    {
        var report = TestReports.Quangang2023();

        Assert.Equal(new OrganizationRef("泉州市泉港区人民政府", null, "泉州市"), report.Organization);
        Assert.Equal(OrganizationKind.PeoplesGovernment, report.Organization.EffectiveKind);
        Assert.Equal(2023, report.Year);
        Assert.Equal(ReportFormat.Format2021, report.Format);
        Assert.Equal(new DateOnly(2024, 1, 10), report.PublishedOn);
        Assert.Equal(216m, report.ActiveDisclosure["normativeDocuments", "inForce"]);
        Assert.Equal(1717m, report.ActiveDisclosure["licensing", "decisions"]);
        Assert.Equal(435.18246m, report.ActiveDisclosure["fees", "amount"]);
        Assert.Equal(26m, report.Applications["newlyReceived", "total"]);
        Assert.Equal(1m, report.Applications["denied.enforcementFiles", "naturalPerson"]);
        Assert.Equal(0m, report.Applications["otherHandling.feeUnpaid", "total"]);
        Assert.Equal(3m, report.ReviewLitigation["litigationDirect", "corrected"]);
        Assert.Equal("（示例）主动公开、依申请公开、政府信息管理、平台建设、监督保障情况。", report.Sections.Overview);
    }

    [Fact]
    public void Xiyuan_reads_as_a_township_in_format_2019()
    {
        var report = TestReports.Xiyuan2020();

        Assert.Equal("晋江市西园街道办事处", report.Organization.Name);
        Assert.Equal(OrganizationKind.Township, report.Organization.EffectiveKind);
        Assert.Equal(ReportFormat.Format2019, report.Format);
        Assert.Null(report.PublishedOn);
        Assert.Equal(0m, report.Applications["otherHandling", "total"]);
        Assert.Equal(0m, report.ActiveDisclosure["procurement", "amount"]);
    }

    [Theory]
    [InlineData(TestReports.QuangangFile)]
    [InlineData(TestReports.XiyuanFile)]
    public void Write_then_read_gives_an_equal_document(string file)
    {
        var original = TestReports.Read(TestReports.Json(file));

        var written = ReportDocumentWriter.Write(original);
        var reread = TestReports.Read(written);

        Assert.Equal(original, reread);
        Assert.Equal(original.ActiveDisclosure, reread.ActiveDisclosure);
        Assert.Equal(original.Applications, reread.Applications);
        Assert.Equal(original.ReviewLitigation, reread.ReviewLitigation);
        Assert.Equal(original.Sections, reread.Sections);

        Assert.Equal(written, ReportDocumentWriter.Write(reread));
        Assert.Equal(reread, TestReports.Read(ReportDocumentWriter.Write(original, indented: false)));
    }

    [Theory]
    [InlineData(TestReports.QuangangFile)]
    [InlineData(TestReports.XiyuanFile)]
    public void Written_document_has_every_value_of_the_original_file(string file)
    {
        var original = JsonNode.Parse(TestReports.Json(file))!.AsObject();
        var written = JsonNode.Parse(ReportDocumentWriter.Write(TestReports.Read(TestReports.Json(file))))!.AsObject();

        Assert.Equal("govinfo-annual-report/1", (string?)written["schema"]);
        Assert.Equal((int)original["year"]!, (int)written["year"]!);
        Assert.Equal((string?)original["format"], (string?)written["format"]);
        Assert.Equal((string?)original["publishedOn"], (string?)written["publishedOn"]);
        Assert.Equal((string?)original["organization"]!["name"], (string?)written["organization"]!["name"]);
        Assert.Equal((string?)original["organization"]!["parent"], (string?)written["organization"]!["parent"]);
        foreach (var part in SectionCodes.All)
        {
            Assert.Equal((string?)original["sections"]![part], (string?)written["sections"]![part]);
        }

        var compared = 0;
        foreach (var table in TableCodes.All)
        {
            compared += CompareCells(original[table]!.AsObject(), written[table]!.AsObject(), $"$.{table}");
            Assert.Equal(CountCells(written[table]!.AsObject()), CountCells(original[table]!.AsObject()));
        }

        Assert.Equal(original["format"]!.GetValue<string>() == "2021" ? 10 + 25 * 7 + 15 : 22 + 23 * 7 + 15, compared);
    }

    [Fact]
    public void Amounts_keep_every_decimal_digit()
    {
        var written = ReportDocumentWriter.Write(TestReports.Quangang2023());

        Assert.Contains("\"amount\": 435.18246", written);
        Assert.Equal(435.18246m, JsonNode.Parse(written)!["activeDisclosure"]!["fees"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public void Chinese_text_is_written_unescaped()
    {
        var written = ReportDocumentWriter.Write(TestReports.Xiyuan2020());

        Assert.Contains("晋江市西园街道办事处", written);
    }

    [Fact]
    public void Empty_cells_are_written_as_null_and_read_back_as_empty()
    {
        var document = TestReports.Quangang2023().WithApplications("granted", "commercial", null);

        var written = ReportDocumentWriter.Write(document);
        var node = JsonNode.Parse(written)!;
        Assert.True(node["applications"]!["granted"]!.AsObject().ContainsKey("commercial"));
        Assert.Null(node["applications"]!["granted"]!["commercial"]);

        var reread = TestReports.Read(written);
        Assert.Null(reread.Applications["granted", "commercial"]);
        Assert.Equal(document, reread);
    }

    [Fact]
    public void Write_then_read_of_a_document_with_an_absent_cell_gives_an_equal_document()
    {
        var root = JsonNode.Parse(TestReports.Json(TestReports.QuangangFile))!.AsObject();
        root["applications"]!["granted"]!.AsObject().Remove("commercial");
        var original = TestReports.Read(root.ToJsonString());

        Assert.Equal(original, TestReports.Read(ReportDocumentWriter.Write(original)));
    }

    [Fact]
    public void Legacy_document_with_its_file_and_figures_round_trips()
    {
        var legacy = TestReports.Qingyang2018();

        var written = ReportDocumentWriter.Write(legacy);
        var node = JsonNode.Parse(written)!;
        Assert.Equal("legacy", (string?)node["format"]);
        Assert.Equal("qingyang-street-2018.pdf", (string?)node["document"]);
        Assert.Equal(158m, node["legacyFigures"]!["主动公开文件数"]!.GetValue<decimal>());
        Assert.Equal(1m, node["legacyFigures"]!["受理政府信息公开申请总数"]!.GetValue<decimal>());
        Assert.Null(node["applications"]);

        var reread = TestReports.Read(written);
        Assert.Equal(legacy, reread);
        Assert.Equal(legacy.LegacyFigures, reread.LegacyFigures);
        Assert.Equal("qingyang-street-2018.pdf", reread.Document);
    }

    [Fact]
    public void Legacy_document_may_leave_out_document_and_figures()
    {
        var result = ReportDocumentReader.Read("""
            { "schema": "govinfo-annual-report/1", "organization": { "name": "晋江市青阳街道办事处" }, "year": 2018, "format": "legacy" }
            """);

        Assert.True(result.Success);
        Assert.Null(result.Document!.Document);
        Assert.Equal(TableRow.Empty, result.Document.LegacyFigures);
    }

    [Fact]
    public void Organization_kind_and_code_round_trip()
    {
        var document = TestReports.Xiyuan2020() with
        {
            Organization = new OrganizationRef("晋江市西园街道办事处", "350582", "晋江市", OrganizationKind.Township),
            PublishedOn = new DateOnly(2021, 1, 20),
        };

        var reread = TestReports.Read(ReportDocumentWriter.Write(document));

        Assert.Equal(document.Organization, reread.Organization);
        Assert.Equal(new DateOnly(2021, 1, 20), reread.PublishedOn);
    }

    [Fact]
    public async Task Bytes_and_streams_read_like_strings()
    {
        var json = TestReports.Json(TestReports.QuangangFile);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);

        Assert.Equal(TestReports.Quangang2023(), ReportDocumentReader.Read(bytes).Document);
        await using var stream = File.OpenRead(GovInfoPortal.Testing.SampleReports.PathOf(TestReports.QuangangFile));
        Assert.Equal(TestReports.Quangang2023(), (await ReportDocumentReader.ReadAsync(stream, new DateOnly(2026, 1, 1))).Document);
    }

    /// <summary>Compares every number of the original table with the written one; returns how many cells it compared.</summary>
    private static int CompareCells(JsonObject original, JsonObject written, string path)
    {
        var count = 0;
        foreach (var (name, value) in original)
        {
            var other = written[name];
            Assert.True(written.ContainsKey(name), $"{path}.{name} is missing from the written document");
            if (value is JsonObject nested)
            {
                count += CompareCells(nested, other!.AsObject(), $"{path}.{name}");
            }
            else
            {
                Assert.Equal(value!.GetValue<decimal>(), other!.GetValue<decimal>());
                count++;
            }
        }

        return count;
    }

    private static int CountCells(JsonObject table) =>
        table.Sum(pair => pair.Value is JsonObject nested ? CountCells(nested) : 1);
}
