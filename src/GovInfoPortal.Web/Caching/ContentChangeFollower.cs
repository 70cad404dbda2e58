using GovInfoPortal.Data;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Web.Replicas;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Follows the change log (<see cref="ContentChangeRecord"/>) for this instance and tells the
/// <see cref="ContentChangeTracker"/> what changed. It reads the log every
/// <see cref="ContentCacheOptions.PollMilliseconds"/> (SQLite, SQL Server, and the fallback for a lost
/// notification) and, on PostgreSQL, at once when a change is announced (<c>LISTEN</c>, see
/// <see cref="ContentChanges.NotifyAsync"/>). Ids may commit out of order, so each read goes back over the ids
/// first seen in the last <see cref="Window"/> and skips those already applied. A failed read stops caching until a
/// read succeeds again (the copies held meanwhile are served only stale, <see cref="StaleIfError"/>), and that read
/// evicts everything, as does a pause longer than the log keeps changes. It also prunes
/// the log (<see cref="ContentCacheOptions.RetentionMinutes"/>) and the tracker. The changes this instance saves
/// it applies at once (<see cref="Written"/>). Before a change evicts anything, <see cref="ReadReplicas"/> hears of
/// it, so that the evicted copies are rebuilt from the primary until the standbys have replayed it.
/// </summary>
public sealed partial class ContentChangeFollower(
    IServiceScopeFactory scopes, ContentChangeTracker tracker, DatabaseSettings database, IOptions<ContentCacheOptions> options,
    ReadReplicas replicas, TimeProvider time, ILogger<ContentChangeFollower> logger) : BackgroundService, IContentChangeObserver
{
    /// <summary>How long after an id is first seen a lower id may still commit and is still looked for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Ids read, with when they were first seen; none at or below <c>_floor</c> is read again.</summary>
    private readonly Dictionary<long, DateTimeOffset> _seen = [];

    private long _floor = -1;
    private DateTimeOffset _lastRead;
    private DateTimeOffset _lastPrune;
    private long _reads;

    /// <summary>How many times the log was read successfully since the start (diagnostics; tests wait on it).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var listening = settings.Listen && database.Provider == DatabaseProvider.Postgres
            ? ListenAsync(stoppingToken)
            : Task.CompletedTask;
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, settings.PollMilliseconds));
        var retention = TimeSpan.FromMinutes(Math.Max(10, settings.RetentionMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(retention, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (tracker.IsFollowing)
                {
                    LogLost(exception);
                }

                tracker.Lost();
            }

            try
            {
                await _wake.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await listening;
    }

    /// <summary>Reads the log once and applies what is new.</summary>
    private async Task ReadAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovInfoDbContext>();
        var now = time.GetUtcNow();
        if (_floor >= 0 && now - _lastRead > retention - Window)
        {
            // Changes this instance never read may be pruned already: start afresh.
            LogBehind(now - _lastRead);
            _floor = -1;
        }

        if (_floor < 0)
        {
            _floor = await ContentChanges.LatestIdAsync(db, cancellationToken);
            _seen.Clear();
            replicas.PrimaryChanged();
            if (tracker.IsFollowing)
            {
                tracker.Changed([ContentTags.Everything]);
            }
        }
        else
        {
            foreach (var change in await ContentChanges.ReadAfterAsync(db, _floor, cancellationToken))
            {
                if (_seen.TryAdd(change.Id, now))
                {
                    replicas.PrimaryChanged();
                    tracker.Changed(change.TagList);
                }
            }

            var settled = _seen.Where(s => now - s.Value > Window).Select(s => s.Key).DefaultIfEmpty(_floor).Max();
            if (settled > _floor)
            {
                _floor = settled;
                foreach (var id in _seen.Keys.Where(id => id <= settled).ToList())
                {
                    _seen.Remove(id);
                }
            }
        }

        _lastRead = now;
        if (tracker.LostSince is { } lostSince)
        {
            LogRecovered(now - lostSince);
        }

        tracker.Following();
        Interlocked.Increment(ref _reads);
        if (now - _lastPrune > PruneEvery)
        {
            _lastPrune = now;
            await ContentChanges.PruneAsync(db, (now - retention).UtcDateTime, cancellationToken);
            tracker.ForgetOld();
        }
    }

    /// <summary>A change this instance saved: evicted here at once (and read back from the log later, like the others' changes).</summary>
    public void Written(IReadOnlyList<string> tags)
    {
        replicas.PrimaryChanged();
        tracker.Changed(tags);
        Wake();
    }

    /// <summary>Wakes the reading loop (a change was announced).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand("LISTEN " + ContentChanges.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // What was announced while not listening is read now.
                Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The polling goes on meanwhile.
                LogListenFailed(exception);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change log of the public content cannot be read: nothing is cached until it can, and the public answers held are served stale for Caching:StaleIfErrorSeconds at most")]
    private partial void LogLost(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The change log of the public content is read again after {Outage}: every cached public answer is evicted and caching resumes")]
    private partial void LogRecovered(TimeSpan outage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change log of the public content was not read for {Pause}: every cached public answer is evicted")]
    private partial void LogBehind(TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for changes of the public content failed; reading the log every interval meanwhile")]
    private partial void LogListenFailed(Exception exception);
}
