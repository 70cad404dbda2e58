using System.Diagnostics;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Benchmarks;

/// <summary>Validates the same mix of reports many times and reports the rate (reports/s).</summary>
public static class ValidationThroughput
{
    public static void Run(int count, TextWriter output)
    {
        var benchmarks = new ValidationBenchmarks();
        benchmarks.Setup();
        Func<ValidationReport>[] mix = [benchmarks.CleanReport, benchmarks.WithLastYear, benchmarks.WithErrors];

        for (var i = 0; i < 20_000; i++)
        {
            mix[i % mix.Length]();
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            mix[i % mix.Length]();
        }

        stopwatch.Stop();
        output.WriteLine($"validated {count} reports in {stopwatch.Elapsed.TotalSeconds:F2} s: {count / stopwatch.Elapsed.TotalSeconds:F0} reports/s");
    }
}
