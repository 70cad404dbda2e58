using GovInfoPortal.Data;
using GovInfoPortal.Data.Caching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Reads the <see cref="ContentGeneration"/> row for the requests of this instance, one read at a time: a request
/// joins the next read to start, never one already under way, so what it gets was read after it arrived and
/// reflects every change committed before (through any instance). Under load the requests that arrive while a read
/// runs share the following one: the database answers one query per batch instead of one per request.
/// </summary>
public sealed class ContentGenerationReader(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<ContentGeneration>? _next;
    private bool _reading;

    public Task<ContentGeneration> ReadAsync(CancellationToken cancellationToken = default)
    {
        Task<ContentGeneration> read;
        lock (_gate)
        {
            _next ??= new TaskCompletionSource<ContentGeneration>(TaskCreationOptions.RunContinuationsAsynchronously);
            read = _next.Task;
            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadWhileAskedAsync, CancellationToken.None);
            }
        }

        return read.WaitAsync(cancellationToken);
    }

    private async Task ReadWhileAskedAsync()
    {
        while (true)
        {
            TaskCompletionSource<ContentGeneration> batch;
            lock (_gate)
            {
                if (_next is null)
                {
                    _reading = false;
                    return;
                }

                // Everyone in this batch asked before the read below starts.
                batch = _next;
                _next = null;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                batch.SetResult(await ContentGenerations.ReadAsync(scope.ServiceProvider.GetRequiredService<GovInfoDbContext>()));
            }
            catch (Exception exception)
            {
                // The requests fail as their own read would have (the database is down: a 503).
                batch.SetException(exception);
            }
        }
    }
}
