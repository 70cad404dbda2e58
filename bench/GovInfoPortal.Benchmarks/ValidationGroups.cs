using System.Diagnostics;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Seeding;

namespace GovInfoPortal.Benchmarks;

/// <summary>
/// Where the validation of one report goes, in microseconds and bytes allocated per report on one thread: reading the figures of
/// the report and of last year's, normalizing the narrative, then each group of rules on its own (on the
/// 2021 demo report, with last year's report so that the cross-year and copied-from-last-year rules run).
/// </summary>
public static class ValidationGroups
{
    public static void Run(int count, TextWriter output)
    {
        var quangang = DemoDataSeeder.DemoReports().Single(r => r.Format == ReportFormat.Format2021);
        var lastYear = quangang with { Year = 2022, PublishedOn = new DateOnly(2023, 1, 20) };
        var context = new ReportValidationContext(quangang, lastYear, OrganizationKind: OrganizationKind.PeoplesGovernment);

        Time(output, "figures", count, () =>
        {
            var input = new ValidationInput(context);
            _ = input.LastYear;
        });
        Time(output, "normalize narrative", count, () =>
        {
            var input = new ValidationInput(context);
            foreach (var part in SectionCodes.All)
            {
                input.Normalized(part);
            }
        });

        var shared = new ValidationInput(context);
        foreach (var group in ReportValidator.Groups(DeadlinePolicy.Default))
        {
            Time(output, group.GetType().Name, count, () => RuleFailure.Guard(group, shared));
        }

        var service = new ReportValidationService();
        Time(output, "whole validation", count, () => service.Validate(context));
    }

    private static void Time(TextWriter output, string name, int count, Action action)
    {
        for (var i = 0; i < Math.Min(count, 10_000); i++)
        {
            action();
        }

        // The fastest of five rounds: other work on the machine only ever slows a round down.
        var best = double.MaxValue;
        var allocated = 0L;
        var round = Math.Max(count / 5, 1);
        for (var r = 0; r < 5; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < round; i++)
            {
                action();
            }

            stopwatch.Stop();
            allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / round;
            best = Math.Min(best, stopwatch.Elapsed.TotalMicroseconds / round);
        }

        output.WriteLine($"{name,-24} {best,8:F2} µs {allocated,8} B");
    }
}
