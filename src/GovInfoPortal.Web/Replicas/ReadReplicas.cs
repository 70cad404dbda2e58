using GovInfoPortal.Data;
using Npgsql;

namespace GovInfoPortal.Web.Replicas;

/// <summary>
/// Where the anonymous public reads go when <c>ConnectionStrings:GovInfoRead</c> names PostgreSQL standbys: the hosts of
/// that string that have replayed everything this instance knows the primary to hold. Every change the instance learns
/// of (<see cref="PrimaryChanged"/>, called before the change evicts anything) makes the current route void, so the
/// rebuild of an evicted page reads the primary; the loop here then reads the primary's WAL position, asks each host of
/// the read string how far it has replayed, and routes the public reads again to the hosts at or past that position
/// (a standby behind it, or one that does not answer, is left out; without any, the primary's own string is used).
/// A copy cached from a standby therefore never predates a change the cache has already seen. Without the setting
/// this does nothing and everything reads the primary, as before.
/// </summary>
public sealed partial class ReadReplicas : BackgroundService
{
    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "GovInfoRead";

    /// <summary>How often the hosts are asked when nothing changes (a standby that went away is left out within this).</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>How often a standby that is behind is asked again.</summary>
    private static readonly TimeSpan CatchUpEvery = TimeSpan.FromMilliseconds(25);

    private const string MonitorApplicationName = "govinfo-standby-check";

    private readonly string _primary;
    private readonly string? _read;
    private readonly IReadOnlyList<string> _hosts;
    private readonly ILogger<ReadReplicas> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Dictionary<string, string> _routes = new(StringComparer.Ordinal);

    private long _generation;
    private long _required;
    private long _requiredFor = -1;
    private volatile Route? _route;
    private long _standbyReads;
    private HashSet<string> _lastAdmitted = [];
    private HashSet<string> _unreachable = [];

    public ReadReplicas(DatabaseSettings database, IConfiguration configuration, ILogger<ReadReplicas> logger)
    {
        _logger = logger;
        _primary = database.ConnectionString;
        _read = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } read && !string.IsNullOrWhiteSpace(read) ? read : null;
        if (_read is not null && database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"配置项 ConnectionStrings:{ConnectionStringName}（只读副本）只适用于 PostgreSQL，当前数据库为 {database.Provider}：请删除该配置项或改用 PostgreSQL。");
        }

        _hosts = _read is null ? [] : ParseHosts(_read);
    }

    /// <summary>Whether public reads may go to standbys (the read string is configured).</summary>
    public bool Enabled => _read is not null;

    /// <summary>The connection string of the primary (writes, signed-in work, the change log).</summary>
    public string PrimaryConnectionString => _primary;

    /// <summary>The standbys public reads go to now (empty: the primary); for diagnostics and tests.</summary>
    public IReadOnlyList<string> Standbys => _route is { } route && route.Generation == Interlocked.Read(ref _generation) ? route.Standbys : [];

    /// <summary>How many connections were opened on a route with a standby (diagnostics; tests wait on it).</summary>
    public long StandbyReads => Interlocked.Read(ref _standbyReads);

    /// <summary>
    /// The primary has (or may have) changed what citizens see: until the standbys are known to have replayed it,
    /// public reads go to the primary. Call it before the change evicts a cached copy.
    /// </summary>
    public void PrimaryChanged()
    {
        if (_read is null)
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        Wake();
    }

    /// <summary>The connection string for a public read opened now: the current route, or the primary's.</summary>
    public string PublicReadConnectionString()
    {
        if (_route is { } route && route.Generation == Interlocked.Read(ref _generation))
        {
            Interlocked.Increment(ref _standbyReads);
            return route.ConnectionString;
        }

        return _primary;
    }

    /// <summary>A public read failed on the current route: drop its idle connections and ask the hosts again at once.</summary>
    public void ReadFailed()
    {
        if (_route is { } route)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(route.ConnectionString));
        }

        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_read is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var behind = false;
            try
            {
                behind = await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The primary cannot be asked: public reads go to it (and fail as every other read does) until it can.
                if (_route is not null || _requiredFor != -2)
                {
                    LogPrimaryUnknown(exception);
                }

                _route = null;
                _requiredFor = -2;
            }

            try
            {
                await _wake.WaitAsync(behind ? CatchUpEvery : CheckEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round: the primary's position, each host's replay, the new route. Whether a reachable standby is behind.</summary>
    private async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        // Read before the primary's position: every change announced up to this generation is committed at or before it.
        // The position is read again only after a change: a standby need not keep up with writes citizens do not see.
        var generation = Interlocked.Read(ref _generation);
        if (generation != _requiredFor)
        {
            _required = await PrimaryPositionAsync(cancellationToken);
            _requiredFor = generation;
        }

        var required = _required;
        var admitted = new List<string>();
        var standbys = new List<string>();
        var unreachable = new List<string>();
        var behind = false;
        foreach (var host in _hosts)
        {
            var state = await HostStateAsync(host, cancellationToken);
            if (state is null)
            {
                unreachable.Add(host);
                continue;
            }

            if (state.Value.Standby && state.Value.Replayed < required)
            {
                behind = true;
                continue;
            }

            admitted.Add(host);
            if (state.Value.Standby)
            {
                standbys.Add(host);
            }
        }

        Publish(generation, admitted, standbys, unreachable);
        return behind;
    }

    private void Publish(long generation, List<string> admitted, List<string> standbys, List<string> unreachable)
    {
        if (unreachable.Any(_lastAdmitted.Contains))
        {
            // The idle connections of the routes with a host that went away point at a closed server.
            foreach (var connectionString in _routes.Values)
            {
                NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
            }
        }

        var now = admitted.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _lastAdmitted.Except(now))
        {
            LogLeftOut(gone);
        }

        foreach (var back in now.Except(_lastAdmitted))
        {
            LogAdmitted(back);
        }

        _lastAdmitted = now;
        _unreachable = unreachable.ToHashSet(StringComparer.Ordinal);
        _route = standbys.Count == 0 ? null : new Route(RouteString(admitted), generation, standbys);
    }

    /// <summary>The read string restricted to these hosts, kept so that each set of hosts keeps one connection pool.</summary>
    private string RouteString(List<string> hosts)
    {
        var key = string.Join(",", hosts);
        if (!_routes.TryGetValue(key, out var connectionString))
        {
            var builder = new NpgsqlConnectionStringBuilder(_read) { Host = key };
            if (hosts.Count == 1)
            {
                // Npgsql takes a session attribute or load balancing only with several hosts; one left (the primary
                // gone and one standby caught up, say) is simply the one to read from.
                builder.TargetSessionAttributes = null;
                builder.LoadBalanceHosts = false;
            }

            connectionString = builder.ConnectionString;
            _routes[key] = connectionString;
        }

        return connectionString;
    }

    private async Task<long> PrimaryPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(MonitorString(_primary, host: null));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Whether a host of the read string is a standby and how far it has replayed; null when it does not answer.</summary>
    private async Task<(bool Standby, long Replayed)?> HostStateAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(MonitorString(_read!, host));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT pg_is_in_recovery(), COALESCE(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, 0)", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetBoolean(0), reader.GetInt64(1));
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            if (!_unreachable.Contains(host))
            {
                LogUnreachable(host, exception.Message);
            }

            return null;
        }
    }

    /// <summary>A string for the checks: one host (or the primary's), any server role, short time-outs, its own small pool.</summary>
    private static string MonitorString(string connectionString, string? host)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = MonitorApplicationName,
            TargetSessionAttributes = null,
            LoadBalanceHosts = false,
            Timeout = 2,
            CommandTimeout = 2,
            MaxPoolSize = 2,
        };
        if (host is not null)
        {
            builder.Host = host;
        }

        return builder.ConnectionString;
    }

    private static List<string> ParseHosts(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() is { Count: > 0 } hosts
            ? hosts
            : throw new InvalidOperationException($"配置项 ConnectionStrings:{ConnectionStringName} 没有写明主机（Host）。");
    }

    private void Wake()
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

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>The hosts public reads go to, valid while no change was learnt after <see cref="Generation"/>.</summary>
    private sealed record Route(string ConnectionString, long Generation, IReadOnlyList<string> Standbys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Public reads go to {Host}")]
    private partial void LogAdmitted(string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Public reads no longer go to {Host} (behind the primary or not answering)")]
    private partial void LogLeftOut(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read replica {Host} does not answer: {Reason}")]
    private partial void LogUnreachable(string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The primary's WAL position cannot be read: public reads go to the primary")]
    private partial void LogPrimaryUnknown(Exception exception);
}
