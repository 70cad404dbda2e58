using GovInfoPortal.Data.Exports;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Exports;

/// <summary>
/// Builds queued exports in the background, in every instance of the portal. Each poll claims one job
/// through the database (<see cref="ExportJobQueue.ClaimNextAsync"/>): whichever instance's update wins
/// builds it, writing progress — which doubles as its heartbeat — as it goes. A job whose instance died
/// (no heartbeat for <see cref="ExportOptions.StaleAfter"/>) is claimed again and built from the start; one
/// abandoned <see cref="ExportOptions.MaxAttempts"/> times is failed. On shutdown the job in hand goes back
/// to the queue, so another instance (or this one, restarted) takes it up at once.
/// </summary>
public sealed partial class ExportWorker(
    IServiceScopeFactory scopes,
    ExportInstance instance,
    ExportWakeUp wakeUp,
    IOptions<ExportOptions> options,
    TimeProvider time,
    ILogger<ExportWorker> logger) : BackgroundService
{
    public const string BuildFailed = "生成压缩包时出错，请重新申请导出；如仍失败，请联系管理员。";
    public const string Abandoned = "多次生成均未能完成，请重新申请导出；如仍失败，请联系管理员。";

    private ExportOptions Options => options.Value;

    public string InstanceId => instance.Id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(instance.Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                    // Another job may be waiting: look again before sleeping.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be unreachable for a while (a restart, a failover): try again at the next poll.
                LogPollFailed(ex);
            }

            try
            {
                await wakeUp.WaitAsync(Options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims one job and builds it; false when there was none to claim.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<ExportJobQueue>();
        var failed = await queue.FailAbandonedAsync(Options.StaleAfter, Options.MaxAttempts, Abandoned, cancellationToken);
        if (failed > 0)
        {
            LogAbandoned(failed, Options.MaxAttempts);
        }

        var claim = await queue.ClaimNextAsync(instance.Id, Options.StaleAfter, Options.MaxAttempts, cancellationToken);
        if (claim is null)
        {
            return false;
        }

        LogClaimed(claim.JobId, instance.Id, claim.Attempt);
        var storage = scope.ServiceProvider.GetRequiredService<ExportStorage>();
        try
        {
            var builder = scope.ServiceProvider.GetRequiredService<PdfZipBuilder>();
            var (fileName, size) = await builder.BuildAsync(claim, Throttled(queue, claim, cancellationToken), cancellationToken);
            if (await queue.CompleteAsync(claim, fileName, size, CancellationToken.None))
            {
                LogCompleted(claim.JobId, size);
            }
            else
            {
                storage.Delete(fileName);
                LogClaimLost(claim.JobId);
            }
        }
        catch (ExportClaimLostException)
        {
            LogClaimLost(claim.JobId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.ReleaseAsync(claim, CancellationToken.None);
            LogReleased(claim.JobId);
            throw;
        }
        catch (ExportFailedException ex)
        {
            await queue.FailAsync(claim, ex.Message, CancellationToken.None);
            LogFailed(ex, claim.JobId);
        }
        catch (Exception ex)
        {
            await queue.FailAsync(claim, BuildFailed, CancellationToken.None);
            LogFailed(ex, claim.JobId);
        }

        return true;
    }

    /// <summary>Writes progress at the start, at the end, and at most once per <see cref="ExportOptions.ProgressInterval"/> between.</summary>
    private Func<int, int, Task> Throttled(ExportJobQueue queue, ExportClaim claim, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        return async (done, total) =>
        {
            var now = time.GetUtcNow();
            if (last is { } previous && done > 0 && done < total && now - previous < Options.ProgressInterval)
            {
                return;
            }

            last = now;
            if (!await queue.ReportProgressAsync(claim, done, total, cancellationToken))
            {
                throw new ExportClaimLostException(claim.JobId);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export worker started as instance {Instance}")]
    private partial void LogStarted(string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export worker could not poll for jobs; retrying at the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed {Count} export jobs abandoned {MaxAttempts} times")]
    private partial void LogAbandoned(int count, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export job {JobId} claimed by {Instance} (attempt {Attempt})")]
    private partial void LogClaimed(int jobId, string instance, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export job {JobId} completed ({Size} bytes)")]
    private partial void LogCompleted(int jobId, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export job {JobId} was claimed by another instance meanwhile; this instance stopped working on it")]
    private partial void LogClaimLost(int jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export job {JobId} released to the queue on shutdown")]
    private partial void LogReleased(int jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export job {JobId} failed")]
    private partial void LogFailed(Exception exception, int jobId);
}
