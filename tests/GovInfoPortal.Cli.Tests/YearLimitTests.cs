using System.Globalization;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Cli.Tests;

/// <summary>
/// Every year the command line takes — in a file read by <c>import</c> or <c>validate</c>, or given with
/// <c>export --year</c> or <c>seed --years</c> — lies within 2008..next year; any other exits 2 with the limit named.
/// </summary>
public sealed class YearLimitTests : IDisposable
{
    private static readonly int LastYear = ChinaTime.Today(TimeProvider.System).Year + 1;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string FileOfYear(int year) => _folder.Variant("quangang-2023.json", $"year-{year}.json", document => document["year"] = year);

    [Theory]
    [InlineData("validate")]
    [InlineData("import")]
    public async Task A_file_for_a_year_beyond_next_year_or_before_2008_is_unreadable_and_exits_2(string command)
    {
        foreach (var year in new[] { LastYear + 1, 2100, 2007 })
        {
            var database = Path.Combine(_folder.Path, $"{command}-{year}.db");

            var result = command == "import"
                ? await CliRunner.RunAsync(command, FileOfYear(year), "--connection", $"Data Source={database}")
                : await CliRunner.RunAsync(command, FileOfYear(year));

            Assert.True(result.ExitCode == 2, $"{command} {year}: {result.ExitCode} {result.Out} {result.Error}");
            Assert.Contains($"报告年度应在 2008 到 {LastYear} 之间，收到 {year}。", result.Out + result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(database));
        }
    }

    [Fact]
    public async Task A_file_for_next_year_is_read()
    {
        var result = await CliRunner.RunAsync("validate", "--json", FileOfYear(LastYear));

        Assert.NotEqual(2, result.ExitCode);
        Assert.DoesNotContain("报告年度应在", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_and_seed_refuse_years_out_of_range_before_touching_the_database()
    {
        var beyond = (LastYear + 1).ToString(CultureInfo.InvariantCulture);
        var database = Path.Combine(_folder.Path, "never.db");
        var connection = $"Data Source={database}";

        var export = await CliRunner.RunAsync("export", "--year", beyond, "--connection", connection);
        var early = await CliRunner.RunAsync("export", "--year", "2007", "--connection", connection);
        var seed = await CliRunner.RunAsync("seed", "--synthetic", "5", "--years", $"2019-{beyond}", "--connection", connection);

        Assert.Equal(2, export.ExitCode);
        Assert.Contains($"选项 --year 的值“{beyond}”无效，应为 2008 到 {LastYear} 之间的整数", export.Error, StringComparison.Ordinal);
        Assert.Equal(2, early.ExitCode);
        Assert.Equal(2, seed.ExitCode);
        Assert.Contains($"应为 2008–{LastYear} 之间的年度范围", seed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Next_year_is_counted_from_the_date_in_China_by_the_clock_given()
    {
        // 16:30 UTC on 31 December 2024 is already 1 January 2025 in China: 2026 is next year.
        var clock = new FixedClock(new DateTimeOffset(2024, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var database = Path.Combine(_folder.Path, "never.db");

        var accepted = await RunAtAsync(clock, "export", "--year", "2026", "--connection", "Data Source=/nonexistent/dir/x.db");
        var beyond = await RunAtAsync(clock, "export", "--year", "2027", "--connection", $"Data Source={database}");

        Assert.DoesNotContain("选项 --year", accepted.Error, StringComparison.Ordinal);
        Assert.Equal(2, beyond.ExitCode);
        Assert.Contains("选项 --year 的值“2027”无效，应为 2008 到 2026 之间的整数", beyond.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    private static async Task<CliResult> RunAtAsync(TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await Cli.RunAsync(args, TextReader.Null, stdout, stderr, interactive: false, time: clock);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
