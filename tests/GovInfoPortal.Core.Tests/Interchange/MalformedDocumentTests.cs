using System.Text.Json.Nodes;
using GovInfoPortal.Core.Interchange;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Interchange;

/// <summary>
/// A document not of the format's shape gets a clear error naming the JSON path: never a crash and never
/// a half import (DESIGN §5). Values that are numbers but wrong are the validator's findings, not read errors.
/// </summary>
public class MalformedDocumentTests
{
    private static string Quangang(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(TestReports.Json(TestReports.QuangangFile))!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static DocumentError SingleError(string json)
    {
        var result = ReportDocumentReader.Read(json);
        Assert.False(result.Success);
        Assert.Null(result.Document);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{ \"schema\": ")]
    [InlineData("<report/>")]
    public void Text_that_is_not_json(string text)
    {
        var error = SingleError(text);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("不是有效的 JSON 文档", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_json()
    {
        var result = ReportDocumentReader.Read(new byte[] { 0xFF, 0xFE, 0x00, 0x01 });

        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }

    [Theory]
    [InlineData("[]", "应为 JSON 对象，实际为数组")]
    [InlineData("[{\"schema\": \"govinfo-annual-report/1\"}]", "应为 JSON 对象，实际为数组")]
    [InlineData("42", "应为 JSON 对象，实际为数字 42")]
    [InlineData("null", "应为 JSON 对象，实际为null")]
    public void Root_that_is_not_an_object(string json, string message)
    {
        Assert.Equal(new DocumentError("$", message), SingleError(json));
    }

    [Fact]
    public void Missing_schema()
    {
        Assert.Equal(new DocumentError("$.schema", "缺少必填项"), SingleError(Quangang(root => root.Remove("schema"))));
    }

    [Fact]
    public void Wrong_schema()
    {
        Assert.Equal(
            new DocumentError("$.schema", "不支持的格式“govinfo-annual-report/2”，应为“govinfo-annual-report/1”"),
            SingleError(Quangang(root => root["schema"] = "govinfo-annual-report/2")));
    }

    [Fact]
    public void Unknown_format()
    {
        Assert.Equal(
            new DocumentError("$.format", "未知的报告格式“2020”，应为 2021、2019 或 legacy"),
            SingleError(Quangang(root => root["format"] = "2020")));
    }

    [Fact]
    public void Format_as_a_number()
    {
        Assert.Equal(new DocumentError("$.format", "应为文字，实际为数字 2021"), SingleError(Quangang(root => root["format"] = 2021)));
    }

    [Fact]
    public void Year_as_a_string()
    {
        Assert.Equal(
            new DocumentError("$.year", "报告年度应为整数，实际为文字“2023”"),
            SingleError(Quangang(root => root["year"] = "2023")));
    }

    [Fact]
    public void Missing_year_and_organization_name_are_both_reported()
    {
        var result = ReportDocumentReader.Read(Quangang(root =>
        {
            root.Remove("year");
            root["organization"]!.AsObject().Remove("name");
        }));

        Assert.Null(result.Document);
        Assert.Equal(["$.organization.name", "$.year"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cell_as_a_string()
    {
        Assert.Equal(
            new DocumentError("$.applications.granted.total", "应为数字或 null，实际为文字“20”"),
            SingleError(Quangang(root => root["applications"]!["granted"]!["total"] = "20")));
    }

    [Fact]
    public void Cell_in_a_group_as_a_boolean()
    {
        Assert.Equal(
            new DocumentError("$.applications.otherHandling.feeUnpaid.naturalPerson", "应为数字或 null，实际为布尔值"),
            SingleError(Quangang(root => root["applications"]!["otherHandling"]!["feeUnpaid"]!["naturalPerson"] = false)));
    }

    [Fact]
    public void Cell_beyond_the_decimal_range()
    {
        Assert.Equal(
            new DocumentError("$.activeDisclosure.fees.amount", "数值超出范围，绝对值不能超过 999999999"),
            SingleError(Quangang(root => root["activeDisclosure"]!["fees"]!["amount"] = JsonNode.Parse("1e300"))));
    }

    [Fact]
    public void Cell_beyond_the_input_limits()
    {
        Assert.Equal(
            new DocumentError("$.applications.newlyReceived.total", "数值 1000000000 超出范围，绝对值不能超过 999999999。"),
            SingleError(Quangang(root => root["applications"]!["newlyReceived"]!["total"] = 1_000_000_000)));
        Assert.Equal(
            new DocumentError("$.activeDisclosure.fees.amount", "数值 0.1234567 的小数位过多，最多 6 位小数。"),
            SingleError(Quangang(root => root["activeDisclosure"]!["fees"]!["amount"] = 0.1234567m)));
        Assert.Equal(
            new DocumentError("$.reviewLitigation.review.upheld", "数值 -1000000000 超出范围，绝对值不能超过 999999999。"),
            SingleError(Quangang(root => root["reviewLitigation"]!["review"]!["upheld"] = -1_000_000_000)));
    }

    [Fact]
    public void Missing_table()
    {
        Assert.Equal(
            new DocumentError("$.reviewLitigation", "缺少表四（政府信息公开行政复议、行政诉讼情况）"),
            SingleError(Quangang(root => root.Remove("reviewLitigation"))));
    }

    [Fact]
    public void Table_as_an_array()
    {
        Assert.Equal(
            new DocumentError("$.applications", "应为对象，实际为数组"),
            SingleError(Quangang(root => root["applications"] = new JsonArray())));
    }

    [Fact]
    public void Unknown_row_code()
    {
        Assert.Equal(
            new DocumentError("$.applications.grantedInFull", "表三中没有代码为“grantedInFull”的行"),
            SingleError(Quangang(root => root["applications"]!["grantedInFull"] = new JsonObject())));
    }

    [Fact]
    public void Unknown_row_code_in_a_group()
    {
        Assert.Equal(
            new DocumentError("$.applications.denied.topSecret", "表三“denied”中没有代码为“topSecret”的行"),
            SingleError(Quangang(root => root["applications"]!["denied"]!["topSecret"] = new JsonObject())));
    }

    [Fact]
    public void Row_of_the_other_format()
    {
        // 2019's otherServices row does not exist in format 2021.
        Assert.Equal(
            new DocumentError("$.activeDisclosure.otherServices", "表二中没有代码为“otherServices”的行"),
            SingleError(Quangang(root => root["activeDisclosure"]!["otherServices"] = JsonNode.Parse("""{ "previous": 0 }"""))));
    }

    [Fact]
    public void Flat_other_handling_in_format_2021_is_a_grouped_row()
    {
        var result = ReportDocumentReader.Read(Quangang(root =>
            root["applications"]!["otherHandling"] = JsonNode.Parse("""{ "naturalPerson": 0 }""")));

        Assert.Equal(new DocumentError("$.applications.otherHandling.naturalPerson", "表三“otherHandling”中没有代码为“naturalPerson”的行"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Unknown_column_code()
    {
        Assert.Equal(
            new DocumentError("$.applications.granted.company", "“（一）予以公开”中没有代码为“company”的列"),
            SingleError(Quangang(root => root["applications"]!["granted"]!["company"] = 1)));
    }

    [Fact]
    public void Every_error_of_a_document_is_reported_and_nothing_is_imported()
    {
        var result = ReportDocumentReader.Read(Quangang(root =>
        {
            root["applications"]!["granted"]!["total"] = "20";
            root["reviewLitigation"]!["review"]!["sum"] = 0;
            root["publishedOn"] = "2024-13-01";
        }));

        Assert.Null(result.Document);
        Assert.Equal(
            ["$.applications.granted.total", "$.publishedOn", "$.reviewLitigation.review.sum"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Table_in_a_legacy_document()
    {
        var json = """
            { "schema": "govinfo-annual-report/1", "organization": { "name": "晋江市青阳街道办事处" }, "year": 2018, "format": "legacy",
              "applications": {} }
            """;

        Assert.Equal(new DocumentError("$.applications", "“legacy”格式的报告不含此表"), SingleError(json));
    }

    [Fact]
    public void Negative_cell_is_read_and_becomes_a_values_invalid_finding()
    {
        var result = ReportDocumentReader.Read(Quangang(root => root["applications"]!["granted"]!["research"] = -1));

        Assert.True(result.Success);
        Assert.Equal(-1m, result.Document!.Applications["granted", "research"]);
        Exactly(Validate(result.Document),
            Error("values.invalid", "applications", "granted", "research", null, -1m, "表三（一）予以公开·科研机构：填报 -1，应为不小于 0 的整数"));
    }

    [Fact]
    public void Fractional_count_is_read_and_becomes_a_values_invalid_finding()
    {
        var result = ReportDocumentReader.Read(Quangang(root => root["activeDisclosure"]!["licensing"]!["decisions"] = 1716.5m));

        Assert.True(result.Success);
        Exactly(Validate(result.Document!),
            Error("values.invalid", "activeDisclosure", "licensing", "decisions", null, 1716.5m, "表二行政许可·本年处理决定数量：填报 1716.5，应为不小于 0 的整数"));
    }

    [Fact]
    public void Null_cell_reads_as_empty_and_becomes_a_values_missing_finding()
    {
        var result = ReportDocumentReader.Read(Quangang(root => root["applications"]!["denied"]!["stateSecret"]!["otherOrg"] = null));

        Assert.True(result.Success);
        Assert.Null(result.Document!.Applications["denied.stateSecret", "otherOrg"]);
        Exactly(Validate(result.Document),
            Error("values.missing", "applications", "denied.stateSecret", "otherOrg", null, null, "表三（三）不予公开1.属于国家秘密·其他：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Absent_cell_reads_as_empty_and_becomes_a_values_missing_finding()
    {
        var result = ReportDocumentReader.Read(Quangang(root => root["reviewLitigation"]!["litigationDirect"]!.AsObject().Remove("pending")));

        Assert.True(result.Success);
        Exactly(Validate(result.Document!),
            Error("values.missing", "reviewLitigation", "litigationDirect", "pending", null, null, "表四行政诉讼（未经复议直接起诉）·尚未审结：未填写（没有数据的请填 0）"));
    }

    [Fact]
    public void Null_row_reads_as_empty_cells()
    {
        var result = ReportDocumentReader.Read(Quangang(root => root["activeDisclosure"]!["rules"] = null));

        Assert.True(result.Success);
        var findings = Validate(result.Document!);
        Assert.Equal(["made", "repealed", "inForce"], findings.Select(f => f.Column));
        Assert.All(findings, f => Assert.Equal(("values.missing", "activeDisclosure", "rules"), (f.Rule, f.Table, f.Row)));
    }

    [Fact]
    public void Deeply_nested_document_is_an_error_not_a_crash()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "0" + new string('}', 100);

        Assert.Equal("$", SingleError(json).Path);
    }
}
