using GovInfoPortal.Cli.Database;
using GovInfoPortal.Data.Seeding;

namespace GovInfoPortal.Cli.Tests;

public sealed class SeedProgressDisplayTests
{
    [Fact]
    public void A_log_gets_the_first_report_and_every_stage_end_with_percentage_and_rate()
    {
        using var error = new StringWriter();
        var display = new SeedProgressDisplay(error, interactive: false);

        display.Report(new SeedProgress(SeedStage.Organizations, 1000, 4000));
        display.Report(new SeedProgress(SeedStage.Organizations, 2000, 4000));
        display.Report(new SeedProgress(SeedStage.Organizations, 4000, 4000));

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("机关： 25%（1,000/4,000），", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("机关：100%（4,000/4,000），", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.EndsWith(" 行/秒", l.TrimEnd(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_terminal_gets_one_line_redrawn_in_place_and_ended_at_the_stage_end()
    {
        using var error = new StringWriter();
        var display = new SeedProgressDisplay(error, interactive: true);

        display.Report(new SeedProgress(SeedStage.Reports, 1000, 2000));
        display.Report(new SeedProgress(SeedStage.Reports, 2000, 2000));

        var text = error.ToString();
        Assert.StartsWith("\r年度报告： 50%", text, StringComparison.Ordinal);
        Assert.Contains("\r年度报告：100%", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }
}
