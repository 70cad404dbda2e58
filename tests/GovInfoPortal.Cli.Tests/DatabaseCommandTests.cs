using System.Text.Json.Nodes;

namespace GovInfoPortal.Cli.Tests;

/// <summary>import, export, migrate and seed against a real SQLite file (never the EF in-memory provider).</summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _connection;

    public DatabaseCommandTests() =>
        _connection = $"Data Source={Path.Combine(_folder.Path, "govinfo.db")};Pooling=False";

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--provider", "Sqlite", "--connection", _connection]);

    private async Task MigrateAsync()
    {
        var result = await RunAsync("migrate");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Migrate_creates_the_database_and_a_second_run_has_nothing_to_do()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("已应用 ", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("数据库已是最新版本，无需迁移。", second.Out.TrimEnd());
        Assert.Contains($"数据库：SQLite {Path.Combine(_folder.Path, "govinfo.db")}", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_on_a_database_that_is_not_migrated_are_refused_with_a_hint()
    {
        var result = await RunAsync("import", _folder.Copy("quangang-2023.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("请先运行 govinfo migrate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_examples_imported_then_exported_give_the_same_documents_back()
    {
        await MigrateAsync();
        var quangang = _folder.Copy("quangang-2023.json");
        var xiyuan = _folder.Copy("xiyuan-2020.json");

        var imported = await RunAsync("import", quangang, xiyuan);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.StartsWith("已导入 2 份报告（新增 2 份，替换 0 份）。", imported.Out, StringComparison.Ordinal);

        var outDirectory = Path.Combine(_folder.Path, "out");
        var exported = await RunAsync("export", "--out", outDirectory);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.Equal(
            ["晋江市西园街道办事处-2020.json", "泉州市泉港区人民政府-2023.json"],
            Directory.GetFiles(outDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        AssertSameReport(quangang, Path.Combine(outDirectory, "泉州市泉港区人民政府-2023.json"));
        AssertSameReport(xiyuan, Path.Combine(outDirectory, "晋江市西园街道办事处-2020.json"));

        var validated = await CliRunner.RunAsync("validate", outDirectory);
        Assert.Equal(0, validated.ExitCode);
    }

    [Fact]
    public async Task A_single_report_is_exported_to_stdout()
    {
        await MigrateAsync();
        var xiyuan = _folder.Copy("xiyuan-2020.json");
        Assert.Equal(0, (await RunAsync("import", xiyuan, _folder.Copy("quangang-2023.json"))).ExitCode);

        var result = await RunAsync("export", "--year", "2020");

        Assert.True(result.ExitCode == 0, result.Error);
        var exported = _folder.Write("stdout.json", result.Out);
        AssertSameReport(xiyuan, exported);
    }

    [Fact]
    public async Task Exporting_several_reports_to_stdout_or_none_at_all_is_refused()
    {
        await MigrateAsync();
        Assert.Equal(0, (await RunAsync("import", _folder.Copy("xiyuan-2020.json"), _folder.Copy("quangang-2023.json"))).ExitCode);

        var several = await RunAsync("export");
        var none = await RunAsync("export", "--year", "2019");

        Assert.Equal(2, several.ExitCode);
        Assert.Contains("请用 --out 指定输出目录", several.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, several.Out);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("没有符合条件的报告", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_by_organization_code_names_the_file_by_the_code()
    {
        await MigrateAsync();
        var coded = _folder.Variant("quangang-2023.json", "coded.json", d => d["organization"]!["code"] = "350505");
        Assert.Equal(0, (await RunAsync("import", coded, _folder.Copy("xiyuan-2020.json"))).ExitCode);

        var outDirectory = Path.Combine(_folder.Path, "out");
        var result = await RunAsync("export", "--org", "350505", "--out", outDirectory);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["350505-2023.json"], Directory.GetFiles(outDirectory).Select(Path.GetFileName));
        AssertSameReport(coded, Path.Combine(outDirectory, "350505-2023.json"));
    }

    [Fact]
    public async Task An_import_conflict_is_refused_and_saves_nothing()
    {
        await MigrateAsync();
        var quangang = _folder.Copy("quangang-2023.json");
        var xiyuan = _folder.Copy("xiyuan-2020.json");
        Assert.Equal(0, (await RunAsync("import", quangang)).ExitCode);

        var result = await RunAsync("import", xiyuan, quangang);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{quangang}：", result.Error, StringComparison.Ordinal);
        Assert.Contains("已存在", result.Error, StringComparison.Ordinal);
        Assert.Contains("未导入任何报告", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("export", "--year", "2020")).ExitCode);
        Assert.Equal(0, (await RunAsync("export", "--year", "2023")).ExitCode);
    }

    [Fact]
    public async Task An_unreadable_file_in_the_batch_saves_nothing_and_exits_2()
    {
        await MigrateAsync();
        var xiyuan = _folder.Copy("xiyuan-2020.json");
        var broken = _folder.Variant("quangang-2023.json", "string.json", d => d["applications"]!["granted"]!["total"] = "20");

        var result = await RunAsync("import", xiyuan, broken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{broken}：$.applications.granted.total：", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("export", "--year", "2020")).ExitCode);
    }

    [Fact]
    public async Task Replace_overwrites_an_unpublished_report_but_never_a_published_one()
    {
        await MigrateAsync();
        var draft = _folder.Variant("quangang-2023.json", "draft.json", d => d.Remove("publishedOn"));
        var corrected = _folder.Variant("quangang-2023.json", "corrected.json", d =>
        {
            d.Remove("publishedOn");
            d["activeDisclosure"]!["licensing"]!["decisions"] = 1718;
        });
        Assert.Equal(0, (await RunAsync("import", draft)).ExitCode);

        var withoutReplace = await RunAsync("import", corrected);
        var replaced = await RunAsync("import", "--replace", corrected);

        Assert.Equal(1, withoutReplace.ExitCode);
        Assert.Contains("已存在", withoutReplace.Error, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.StartsWith("已导入 1 份报告（新增 0 份，替换 1 份）。", replaced.Out, StringComparison.Ordinal);
        var exported = await RunAsync("export", "--year", "2023");
        Assert.Equal(1718, (int)JsonNode.Parse(exported.Out)!["activeDisclosure"]!["licensing"]!["decisions"]!);

        // The example states publishedOn: it is archived as published, and a published report is corrected, not replaced.
        var published = _folder.Copy("quangang-2023.json");
        var publishedOver = await RunAsync("import", "--replace", published);
        Assert.True(publishedOver.ExitCode == 0, publishedOver.Error);
        var replacePublished = await RunAsync("import", "--replace", corrected);
        Assert.Equal(1, replacePublished.ExitCode);
        Assert.Contains("已发布，不能替换", replacePublished.Error, StringComparison.Ordinal);
        AssertSameReport(published, _folder.Write("after.json", (await RunAsync("export", "--year", "2023")).Out));
    }

    [Fact]
    public async Task Seeding_the_demo_twice_changes_nothing_the_second_time()
    {
        await MigrateAsync();

        var first = await RunAsync("seed");
        var afterFirst = await ExportAllAsync("first");
        var second = await RunAsync("seed");
        var afterSecond = await ExportAllAsync("second");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("已写入演示数据：", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("数据库中已有机关数据，未写入演示数据。", second.Out.TrimEnd());
        Assert.NotEmpty(afterFirst);
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task Seeding_synthetic_data_writes_organizations_times_years_with_progress_on_stderr()
    {
        await MigrateAsync();

        var result = await RunAsync("seed", "--synthetic", "20", "--years", "2019-2024");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("已写入合成数据：20 个机关，120 份年度报告", result.Out, StringComparison.Ordinal);
        Assert.Contains("机关：100%（20/20）", result.Error, StringComparison.Ordinal);
        Assert.Contains("年度报告：100%（120/120）", result.Error, StringComparison.Ordinal);
        Assert.Contains(" 行/秒", result.Error, StringComparison.Ordinal);
        Assert.Equal(120, (await ExportAllAsync("synthetic")).Count);

        var again = await RunAsync("seed", "--synthetic", "20");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("未写入任何数据", again.Error, StringComparison.Ordinal);
        Assert.Equal(120, (await ExportAllAsync("synthetic-again")).Count);
    }

    [Fact]
    public async Task Exporting_hundreds_of_reports_writes_one_file_per_report_as_each_is_read()
    {
        await MigrateAsync();
        Assert.Equal(0, (await RunAsync("seed", "--synthetic", "300", "--years", "2022-2023")).ExitCode);

        var directory = Path.Combine(_folder.Path, "year");
        var result = await RunAsync("export", "--year", "2022", "--out", directory);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"已导出 300 份报告到 {directory}", result.Out.TrimEnd());
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"SYN{i:D7}-2022.json"), files);
        foreach (var name in new[] { "SYN0000001-2022.json", "SYN0000150-2022.json", "SYN0000300-2022.json" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(directory, name));
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            var document = JsonNode.Parse(text)!;
            Assert.Equal((name[..10], 2022), ((string?)document["organization"]!["code"], (int)document["year"]!));

            // The same bytes as the single report written to stdout.
            var single = await RunAsync("export", "--org", name[..10], "--year", "2022");
            Assert.Equal(single.Out.ReplaceLineEndings("\n"), text);
        }
    }

    [Fact]
    public async Task Bad_database_configuration_is_a_usage_error_in_chinese()
    {
        var provider = await CliRunner.RunAsync("migrate", "--provider", "Oracle", "--connection", _connection);
        var connection = await CliRunner.RunAsync("migrate", "--provider", "Sqlite", "--connection", "not a connection string");

        Assert.Equal(2, provider.ExitCode);
        Assert.StartsWith("govinfo：错误：数据库配置无效：", provider.Error, StringComparison.Ordinal);
        Assert.Equal(2, connection.ExitCode);
        Assert.Contains("数据库配置无效", connection.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", connection.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed", "--synthetic", "0")]
    [InlineData("seed", "--synthetic", "many")]
    [InlineData("seed", "--years", "2019-2024")]
    [InlineData("seed", "--synthetic", "5", "--years", "2024-2019")]
    [InlineData("export", "--year", "20x")]
    [InlineData("export", "--subtree")]
    [InlineData("migrate", "extra")]
    [InlineData("import")]
    public async Task Bad_options_exit_2_before_touching_the_database(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("govinfo：错误：", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "govinfo.db")));
    }

    /// <summary>Every stored report, exported: file name → content.</summary>
    private async Task<Dictionary<string, string>> ExportAllAsync(string name)
    {
        var directory = Path.Combine(_folder.Path, name);
        var result = await RunAsync("export", "--out", directory);
        Assert.True(result.ExitCode == 0, result.Error);
        return Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
    }

    /// <summary>
    /// The export states what the imported file stated: the same figures, sections and dates, the same
    /// organization (the export adds the kind the import stored), and a published one the fingerprint of that content.
    /// </summary>
    private static void AssertSameReport(string importedFile, string exportedFile)
    {
        var imported = JsonNode.Parse(File.ReadAllText(importedFile))!.AsObject();
        var exported = JsonNode.Parse(File.ReadAllText(exportedFile))!.AsObject();
        var importedOrganization = imported["organization"]!.AsObject();
        var exportedOrganization = exported["organization"]!.AsObject();
        foreach (var (key, value) in importedOrganization)
        {
            Assert.True(JsonNode.DeepEquals(value, exportedOrganization[key]), $"organization.{key}");
        }

        imported.Remove("organization");
        exported.Remove("organization");
        if (exported["fingerprint"] is { } fingerprint)
        {
            var document = GovInfoPortal.Core.Interchange.ReportDocumentReader.Read(File.ReadAllText(exportedFile)).Document!;
            Assert.Equal(GovInfoPortal.Core.Interchange.ReportFingerprint.Of(document), fingerprint.GetValue<string>());
            exported.Remove("fingerprint");
        }

        Assert.True(JsonNode.DeepEquals(imported, exported), $"{exportedFile} differs from {importedFile}:\n{exported}");
    }
}
