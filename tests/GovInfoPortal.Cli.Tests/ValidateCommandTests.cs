using System.Text.Json.Nodes;

namespace GovInfoPortal.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly string[] FindingKeys = ["rule", "severity", "table", "row", "column", "expected", "actual", "message"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Both_examples_are_clean_and_exit_0()
    {
        var quangang = _folder.Copy("quangang-2023.json");
        var xiyuan = _folder.Copy("xiyuan-2020.json");

        var result = await CliRunner.RunAsync("validate", quangang, xiyuan);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var lines = Lines(result.Out);
        Assert.Equal([quangang, "  无问题", xiyuan, "  无问题", "合计：2 个文件，2 个无问题，0 个有错误，0 个仅有警告，0 个无法读取"], lines);
    }

    [Fact]
    public async Task Json_output_is_one_array_with_one_object_per_file_in_the_exact_shape()
    {
        var quangang = _folder.Copy("quangang-2023.json");
        var xiyuan = _folder.Copy("xiyuan-2020.json");

        var result = await CliRunner.RunAsync("validate", "--json", quangang, xiyuan);

        Assert.Equal(0, result.ExitCode);
        var files = result.Json;
        Assert.Equal(2, files.Count);
        foreach (var (file, path) in files.Zip([quangang, xiyuan]))
        {
            var entry = file!.AsObject();
            Assert.Equal(["file", "clean", "findings"], entry.Select(p => p.Key));
            Assert.Equal(path, (string?)entry["file"]);
            Assert.True((bool)entry["clean"]!);
            Assert.Empty(entry["findings"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_wrong_applicant_figure_is_an_error_finding_with_numbers_as_numbers_and_chinese_unescaped()
    {
        var file = _folder.Variant("quangang-2023.json", "granted.json", d => d["applications"]!["granted"]!["naturalPerson"] = 21);

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(1, result.ExitCode);
        var entry = Assert.Single(result.Json)!.AsObject();
        Assert.False((bool)entry["clean"]!);
        var findings = entry["findings"]!.AsArray().Select(f => f!.AsObject()).ToArray();
        Assert.All(findings, f => Assert.Equal(FindingKeys, f.Select(p => p.Key)));
        Assert.Equal(
            [
                ("applications.rowTotal", "applications", "granted", "total"),
                ("applications.handledTotal", "applications", "handledTotal", "naturalPerson"),
            ],
            findings.Select(Cell));
        Assert.All(findings, f => Assert.Equal("error", (string?)f["severity"]));

        var rowTotal = findings[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Number, rowTotal["expected"]!.GetValueKind());
        Assert.Equal(21m, (decimal)rowTotal["expected"]!);
        Assert.Equal(20m, (decimal)rowTotal["actual"]!);
        Assert.Contains("\"expected\": 21,", result.Out, StringComparison.Ordinal);
        Assert.Contains("表三（一）予以公开·总计：填报 20", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_cell_is_values_missing_and_nothing_else()
    {
        var file = _folder.Variant("quangang-2023.json", "null.json", d => d["applications"]!["granted"]!["total"] = null);

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Findings(result))!;
        Assert.Equal(("values.missing", "applications", "granted", "total"), Cell(finding));
        Assert.Null(finding["expected"]);
        Assert.Null(finding["actual"]);
        Assert.Contains("\"expected\": null,", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_cell_is_values_invalid_and_nothing_else()
    {
        var file = _folder.Variant("quangang-2023.json", "negative.json", d => d["reviewLitigation"]!["review"]!["upheld"] = -1);

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Findings(result))!;
        Assert.Equal(("values.invalid", "reviewLitigation", "review", "upheld"), Cell(finding));
        Assert.Equal(-1m, (decimal)finding["actual"]!);
    }

    [Fact]
    public async Task A_wrong_figure_in_the_2019_format_is_found_too()
    {
        var file = _folder.Variant("xiyuan-2020.json", "xiyuan.json", d => d["reviewLitigation"]!["litigationDirect"]!["total"] = 1);

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(Findings(result))!;
        Assert.Equal(("reviewLitigation.groupTotal", "reviewLitigation", "litigationDirect", "total"), Cell(finding));
    }

    [Fact]
    public async Task Text_output_names_severity_rule_and_message_then_a_summary()
    {
        var file = _folder.Variant("quangang-2023.json", "granted.json", d => d["applications"]!["granted"]!["naturalPerson"] = 21);

        var result = await CliRunner.RunAsync("validate", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                file,
                "  错误  applications.rowTotal  表三（一）予以公开·总计：填报 20，按各类申请人合计应为 21",
                "  错误  applications.handledTotal  表三（七）总计·自然人：填报 26，按分项合计应为 27",
                "  共 2 条：错误 2 条，警告 0 条",
                "合计：1 个文件，0 个无问题，1 个有错误，0 个仅有警告，0 个无法读取",
            ],
            Lines(result.Out));
    }

    [Fact]
    public async Task A_string_cell_makes_the_file_unreadable_with_its_json_path_and_exit_2()
    {
        var file = _folder.Variant("quangang-2023.json", "string.json", d => d["applications"]!["granted"]!["total"] = "20");

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(2, result.ExitCode);
        var entry = Assert.Single(result.Json)!.AsObject();
        Assert.Equal(["file", "errors"], entry.Select(p => p.Key));
        var error = Assert.Single(entry["errors"]!.AsArray())!.AsObject();
        Assert.Equal(["path", "message"], error.Select(p => p.Key));
        Assert.Equal("$.applications.granted.total", (string?)error["path"]);
        Assert.Contains("应为数字", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_in_text_and_the_other_files_still_are()
    {
        var bad = _folder.Variant("quangang-2023.json", "string.json", d => d["applications"]!["granted"]!["total"] = "20");
        var good = _folder.Copy("xiyuan-2020.json");

        var result = await CliRunner.RunAsync("validate", bad, good);

        Assert.Equal(2, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal(bad, lines[0]);
        Assert.StartsWith("  无法读取  $.applications.granted.total：应为数字", lines[1], StringComparison.Ordinal);
        Assert.Equal([good, "  无问题"], lines[2..4]);
        Assert.Equal("合计：2 个文件，1 个无问题，0 个有错误，0 个仅有警告，1 个无法读取", lines[4]);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_unreadable_at_the_root()
    {
        var file = _folder.Write("broken.json", "{ \"schema\": ");

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(Assert.Single(result.Json)!["errors"]!.AsArray())!;
        Assert.Equal("$", (string?)error["path"]);
        Assert.Contains("不是有效的 JSON", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_null_path_and_the_other_files_are_still_validated()
    {
        var missing = Path.Combine(_folder.Path, "missing.json");
        var good = _folder.Copy("quangang-2023.json");

        var result = await CliRunner.RunAsync("validate", "--json", missing, good);

        Assert.Equal(2, result.ExitCode);
        var files = result.Json;
        Assert.Equal(2, files.Count);
        Assert.Equal(missing, (string?)files[0]!["file"]);
        var error = Assert.Single(files[0]!["errors"]!.AsArray())!;
        Assert.Null(error["path"]);
        Assert.Equal("文件不存在", (string?)error["message"]);
        Assert.True((bool)files[1]!["clean"]!);
    }

    [Fact]
    public async Task Unreadable_input_wins_over_error_findings_for_the_exit_code()
    {
        var withError = _folder.Variant("quangang-2023.json", "null.json", d => d["applications"]!["granted"]!["total"] = null);

        var result = await CliRunner.RunAsync("validate", withError, Path.Combine(_folder.Path, "missing.json"));

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Last_years_report_in_the_same_batch_triggers_crossYear_carriedOver_as_warnings_only()
    {
        var lastYear = _folder.Copy("quangang-2022.json");
        var thisYear = _folder.Copy("quangang-2023.json");

        var result = await CliRunner.RunAsync("validate", "--json", thisYear, lastYear);

        Assert.Equal(0, result.ExitCode);
        var files = result.Json;
        Assert.Equal(
            [
                ("crossYear.carriedOver", "applications", "carriedOver", "naturalPerson"),
                ("crossYear.carriedOver", "applications", "carriedOver", "total"),
            ],
            files[0]!["findings"]!.AsArray().Select(f => Cell(f!)));
        Assert.All(files[0]!["findings"]!.AsArray(), f => Assert.Equal("warning", (string?)f!["severity"]));
        var carriedOver = files[0]!["findings"]![0]!;
        Assert.Equal(1m, (decimal)carriedOver["expected"]!);
        Assert.Equal(0m, (decimal)carriedOver["actual"]!);
        Assert.True((bool)files[1]!["clean"]!);
    }

    [Fact]
    public async Task A_report_of_another_organization_is_not_taken_as_last_year()
    {
        var lastYear = _folder.Variant("quangang-2022.json", "other-2022.json", d => d["organization"]!["name"] = "泉州市洛江区人民政府");
        var thisYear = _folder.Copy("quangang-2023.json");

        var result = await CliRunner.RunAsync("validate", "--json", thisYear, lastYear);

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Json, f => Assert.True((bool)f!["clean"]!));
    }

    [Fact]
    public async Task The_organization_code_identifies_last_year_even_when_the_name_changed()
    {
        var lastYear = _folder.Variant("quangang-2022.json", "2022.json", d =>
        {
            d["organization"]!["name"] = "泉港区人民政府";
            d["organization"]!["code"] = "350505";
        });
        var thisYear = _folder.Variant("quangang-2023.json", "2023.json", d => d["organization"]!["code"] = "350505");

        var result = await CliRunner.RunAsync("validate", "--json", thisYear, lastYear);

        Assert.Equal(["crossYear.carriedOver", "crossYear.carriedOver"], result.Json[0]!["findings"]!.AsArray().Select(f => (string?)f!["rule"]));
    }

    [Fact]
    public async Task A_narrative_copied_from_last_years_report_in_the_batch_is_a_warning()
    {
        var lastYear = _folder.Copy("quangang-2022.json");
        var lastOverview = JsonNode.Parse(File.ReadAllText(lastYear))!["sections"]!["overview"]!.GetValue<string>();
        var thisYear = _folder.Variant("quangang-2023.json", "2023.json", d => d["sections"]!["overview"] = lastOverview);

        var result = await CliRunner.RunAsync("validate", "--json", thisYear, lastYear);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                ("crossYear.carriedOver", "applications", "carriedOver", "naturalPerson"),
                ("crossYear.carriedOver", "applications", "carriedOver", "total"),
                ("narrative.copiedFromLastYear", "sections", "overview", null),
            ],
            result.Json[0]!["findings"]!.AsArray().Select(Cell).Order());
    }

    [Fact]
    public async Task A_part_copied_from_another_bodys_report_of_the_same_year_in_the_batch_is_a_warning_naming_it()
    {
        // Demo text written for this test, long enough to judge, shared by two bodies' part 五.
        const string problems = "（示例）本年度我单位政务公开工作仍存在薄弱环节：一是部分栏目信息更新不够及时，个别政策解读形式单一；" +
            "二是依申请公开答复文书的说理还不够充分；三是基层工作人员业务培训覆盖面不足。下一年度将逐项建立台账，限期整改。";
        var first = _folder.Variant("quangang-2023.json", "first.json", d => d["sections"]!["problems"] = problems);
        var second = _folder.Variant("quangang-2023.json", "second.json", d =>
        {
            d["organization"]!["name"] = "泉州市泉港区某镇人民政府";
            d["sections"]!["problems"] = problems;
        });
        var otherYear = _folder.Variant("xiyuan-2020.json", "other-year.json", d => d["sections"]!["problems"] = problems);

        var result = await CliRunner.RunAsync("validate", "--json", first, second, otherYear);

        Assert.Equal(0, result.ExitCode);
        var copied = result.Json.Take(2).Select(f => Assert.Single(f!["findings"]!.AsArray())!.AsObject()).ToArray();
        Assert.All(copied, f => Assert.Equal(("narrative.copiedFromPeer", "warning", "problems"), ((string?)f["rule"], (string?)f["severity"], (string?)f["row"])));
        Assert.Equal("五、存在的主要问题及改进情况：与泉州市泉港区某镇人民政府2023年度报告的同一部分相同的内容约占 100%（已除去各报告通用的表述），请按本单位实际情况撰写",
            (string?)copied[0]["message"]);
        Assert.Contains("与泉州市泉港区人民政府2023年度报告", (string?)copied[1]["message"]);
        Assert.True((bool)result.Json[2]!["clean"]!);
    }

    [Fact]
    public async Task Publication_after_the_deadline_of_the_organizations_kind_is_a_warning()
    {
        // A people's government reports by March 31, a department by January 31.
        var government = _folder.Variant("quangang-2023.json", "government.json", d => d["publishedOn"] = "2024-03-31");
        var department = _folder.Variant("quangang-2023.json", "department.json", d =>
        {
            d["organization"]!["name"] = "泉州市泉港区发展和改革局";
            d["publishedOn"] = "2024-02-01";
        });
        var statedKind = _folder.Variant("quangang-2023.json", "stated-kind.json", d =>
        {
            d["organization"]!["kind"] = "township";
            d["publishedOn"] = "2024-02-01";
        });

        var result = await CliRunner.RunAsync("validate", "--json", government, department, statedKind);

        Assert.Equal(0, result.ExitCode);
        Assert.True((bool)result.Json[0]!["clean"]!);
        foreach (var late in new[] { result.Json[1]!, result.Json[2]! })
        {
            var finding = Assert.Single(late["findings"]!.AsArray())!;
            Assert.Equal(("publication.late", null, null, null), Cell(finding));
            Assert.Equal("2024-01-31", (string?)finding["expected"]);
            Assert.Equal("2024-02-01", (string?)finding["actual"]);
        }
    }

    [Fact]
    public async Task A_report_without_publication_date_is_never_late()
    {
        var file = _folder.Variant("quangang-2023.json", "unpublished.json", d => d.Remove("publishedOn"));

        var result = await CliRunner.RunAsync("validate", "--json", file);

        Assert.Equal(0, result.ExitCode);
        Assert.True((bool)result.Json[0]!["clean"]!);
    }

    [Fact]
    public async Task A_directory_means_all_its_json_files_in_name_order()
    {
        _folder.Copy("xiyuan-2020.json");
        _folder.Copy("quangang-2023.json");
        _folder.Write("notes.txt", "not a report");

        var result = await CliRunner.RunAsync("validate", "--json", _folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [Path.Combine(_folder.Path, "quangang-2023.json"), Path.Combine(_folder.Path, "xiyuan-2020.json")],
            result.Json.Select(f => (string?)f!["file"]));
    }

    [Fact]
    public async Task An_empty_directory_is_bad_input()
    {
        var result = await CliRunner.RunAsync("validate", _folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("没有要校验的文件", result.Error, StringComparison.Ordinal);
    }

    private static JsonArray Findings(CliResult result) => Assert.Single(result.Json)!["findings"]!.AsArray();

    private static (string?, string?, string?, string?) Cell(JsonNode? finding) =>
        ((string?)finding!["rule"], (string?)finding["table"], (string?)finding["row"], (string?)finding["column"]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
