using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// Renders one small report with every registered renderer once the portal has started (<c>Documents:WarmUp</c>,
/// on in production): the CJK fonts are read and parsed and the document code is compiled before a reader asks
/// for the first PDF, instead of during that request.
/// </summary>
public sealed class DocumentWarmUp(IEnumerable<IReportRenderer> renderers, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<DocumentWarmUp> logger) : BackgroundService
{
    public const string Setting = "Documents:WarmUp";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var sample = new ReportDocument
        {
            Organization = new OrganizationRef("示例县人民政府办公室"),
            Year = 2023,
            Format = ReportFormats.ForYear(2023),
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var renderer in renderers)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await renderer.RenderAsync(sample, Stream.Null, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A renderer that fails here fails for readers too, where it is reported; the warm-up only saves time.
                logger.LogWarning(exception, "Warming up the {Extension} renderer failed", renderer.Extension);
            }
        }

        logger.LogInformation("Document renderers warmed up in {Elapsed} ms", watch.ElapsedMilliseconds);
    }
}
