using System.Diagnostics;
using System.Globalization;
using GovInfoPortal.Data.Seeding;

namespace GovInfoPortal.Cli.Database;

/// <summary>
/// Shows a seed's progress on stderr: stage, percentage, rows and rows per second. On a terminal one line
/// is redrawn in place; otherwise (a log, a test) a line is written at most once a second and at each
/// stage's end. Reports arrive synchronously on the seeding thread, so the display never lags behind.
/// </summary>
internal sealed class SeedProgressDisplay(TextWriter error, bool interactive) : IProgress<SeedProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<SeedStage, long> _doneByStage = [];
    private TimeSpan? _lastShown;
    private bool _lineOpen;

    private TimeSpan Interval => interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);

    public void Report(SeedProgress value)
    {
        _doneByStage[value.Stage] = value.Done;
        var finished = value.Done >= value.Total;
        var now = _clock.Elapsed;
        if (!finished && now - _lastShown < Interval)
        {
            return;
        }

        _lastShown = now;
        var percent = value.Total == 0 ? 100 : (int)(value.Done * 100 / value.Total);
        var rows = _doneByStage.Values.Sum();
        var rate = now.TotalSeconds > 0 ? rows / now.TotalSeconds : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{StageName(value.Stage)}：{percent,3}%（{value.Done:N0}/{value.Total:N0}），{rate:N0} 行/秒");
        if (interactive)
        {
            error.Write($"\r{line}\u001b[K");
            _lineOpen = !finished;
            if (finished)
            {
                error.WriteLine();
            }
        }
        else
        {
            error.WriteLine(line);
        }
    }

    /// <summary>Ends an open progress line (when a seed stops before a stage ends).</summary>
    public void Close()
    {
        if (_lineOpen)
        {
            error.WriteLine();
            _lineOpen = false;
        }
    }

    private static string StageName(SeedStage stage) => stage switch
    {
        SeedStage.Organizations => "机关",
        SeedStage.Reports => "年度报告",
        _ => "检索索引",
    };
}
