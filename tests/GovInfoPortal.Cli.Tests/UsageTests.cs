namespace GovInfoPortal.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task No_arguments_prints_help_on_stderr_and_exits_2()
    {
        var result = await CliRunner.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("用法：", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_help_lists_every_command_in_chinese()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("政府信息公开工作年度报告", result.Out, StringComparison.Ordinal);
        foreach (var command in Cli.Commands)
        {
            Assert.Contains($"  {command.Name}", result.Out, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> CommandNames => new(Cli.Commands.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Every_command_has_chinese_help_with_english_option_names(string command)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var result = await CliRunner.RunAsync(command, help);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith($"govinfo {command} — ", result.Out, StringComparison.Ordinal);
            Assert.Contains("用法：", result.Out, StringComparison.Ordinal);
            Assert.Contains("选项：", result.Out, StringComparison.Ordinal);
            Assert.Contains("-h, --help  ", result.Out, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Error);
        }

        var viaHelp = await CliRunner.RunAsync("help", command);
        Assert.Equal(0, viaHelp.ExitCode);
        Assert.StartsWith($"govinfo {command} — ", viaHelp.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_in_chinese()
    {
        var result = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("govinfo：错误：未知的命令“frobnicate”", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_without_a_stack_trace()
    {
        var result = await CliRunner.RunAsync("validate", "--frobnicate", "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("govinfo：错误：命令 validate 没有选项 --frobnicate（运行 govinfo validate --help 查看用法）", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Validate_without_files_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("validate", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("缺少参数 FILE", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_given_a_value_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("validate", "--json=yes", "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("选项 --json 不带值", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "export", "--org" }, "选项 --org 缺少值 CODE")]
    [InlineData(new[] { "export", "--org", "--published" }, "选项 --org 缺少值 CODE")]
    [InlineData(new[] { "export", "--org", "a", "--org", "b" }, "选项 --org 只能给出一次")]
    [InlineData(new[] { "export", "stray" }, "命令 export 不接受参数“stray”")]
    [InlineData(new[] { "export", "--subtree" }, "选项 --subtree 须与 --org 一起使用")]
    [InlineData(new[] { "seed", "--synthetic", "0" }, "选项 --synthetic 的值“0”无效，应为 1 到 5000000 之间的整数")]
    [InlineData(new[] { "seed", "--prefix", "X" }, "选项 --years、--prefix 须与 --synthetic 一起使用")]
    [InlineData(new[] { "audit" }, "命令 audit 缺少参数 verify")]
    [InlineData(new[] { "audit", "check" }, "未知的子命令“check”，可用的子命令：verify")]
    [InlineData(new[] { "help", "frobnicate" }, "未知的命令“frobnicate”")]
    public async Task Usage_errors_exit_2_with_a_chinese_message(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("govinfo：错误：", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Help_is_shown_even_when_the_arguments_are_incomplete()
    {
        var result = await CliRunner.RunAsync("validate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  FILE    报告文件（JSON）", result.Out, StringComparison.Ordinal);
        Assert.Contains("退出码：", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Options", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", result.Out);
    }

    [Fact]
    public async Task After_a_double_dash_an_option_like_word_is_a_file()
    {
        var result = await CliRunner.RunAsync("validate", "--json", "--", "--not-an-option.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--not-an-option.json", (string?)result.Json[0]!["file"]);
    }
}
