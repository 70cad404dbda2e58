using System.Diagnostics;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Benchmarks;

/// <summary>
/// Validates the same mix of reports (clean, with last year's report, with errors) many times and reports the
/// rate: on one thread, and on every core at once (a batch — an import, the command line over a folder — is
/// validated that way; the service is thread-safe).
/// </summary>
public static class ValidationThroughput
{
    public static void Run(int count, TextWriter output)
    {
        var oneThread = Measure(count, threads: 1);
        var cores = Environment.ProcessorCount;
        var allCores = Measure(count, cores);
        output.WriteLine($"one thread: {oneThread:F0} reports/s; {cores} threads: {allCores:F0} reports/s");
    }

    private static double Measure(int count, int threads)
    {
        var mixes = Enumerable.Range(0, threads).Select(_ => Mix()).ToArray();
        Parallel.For(0, threads, t => Validate(mixes[t], 20_000));

        var perThread = count / threads;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => Validate(mixes[t], perThread));
        stopwatch.Stop();
        return perThread * threads / stopwatch.Elapsed.TotalSeconds;
    }

    private static Func<ValidationReport>[] Mix()
    {
        var benchmarks = new ValidationBenchmarks();
        benchmarks.Setup();
        return [benchmarks.CleanReport, benchmarks.WithLastYear, benchmarks.WithErrors];
    }

    private static void Validate(Func<ValidationReport>[] mix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            mix[i % mix.Length]();
        }
    }
}
