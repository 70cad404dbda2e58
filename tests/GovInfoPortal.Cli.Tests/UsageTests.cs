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
}
