using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Exports;

namespace GovInfoPortal.Web.Datasets;

/// <summary>One file of a built dataset: where it is, its size and the SHA-256 of its bytes (lower-case hex).</summary>
public sealed record DatasetFile(string Path, long Size, string Sha256);

/// <summary>A built dataset: its report count, its ZIP and CSV, when it was built and from which position of the change log.</summary>
public sealed record BuiltDataset(int Reports, int CsvRows, DatasetFile Zip, DatasetFile Csv, DateTimeOffset BuiltAt, long Position);

/// <summary>
/// The datasets this instance has built, on disk in its own folder under the export storage
/// (<c>{Storage:Path}/datasets/{instance}</c>), with their size and fingerprint computed once when built. A dataset is
/// current while no change of its tags (<see cref="DatasetScope.Tags"/>) was learnt since its build began, exactly as a
/// cached page is (<see cref="ContentChangeTracker"/>): nothing is read from the database to tell. A download of a
/// dataset that is not current builds it: one build per dataset at a time (concurrent requests wait for it), at most
/// <see cref="MaxConcurrentBuilds"/> builds at once; the build reads the primary, never a standby that may lag behind
/// the change that made it necessary. At most <see cref="MaxKept"/> datasets are kept (the least recently asked for go
/// first). Replaced files are deleted after <see cref="RetiredFor"/>, so that a download
/// that began on them can finish; the folder goes with the process, and folders of instances gone for a day are removed.
/// </summary>
public sealed partial class DatasetStore : IDisposable
{
    public const int MaxConcurrentBuilds = 2;

    /// <summary>The dataset listing builds the listed scope's own dataset on demand up to this many reports (else only a download does).</summary>
    public const int BuildOnListMaxReports = 2000;

    public static readonly TimeSpan RetiredFor = TimeSpan.FromMinutes(30);

    /// <summary>How many datasets an instance keeps; beyond, the least recently asked for are retired (and built again when asked).</summary>
    public const int MaxKept = 500;

    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    private readonly ContentChangeTracker _changes;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<DatasetStore> _logger;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<string, BuiltDataset> _built = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _asked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BuiltDataset>>> _building = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(BuiltDataset Dataset, DateTimeOffset RetiredAt)> _retired = new();
    private readonly SemaphoreSlim _slots = new(MaxConcurrentBuilds, MaxConcurrentBuilds);

    public DatasetStore(ContentChangeTracker changes, IServiceScopeFactory scopes, ExportStorage storage, TimeProvider time,
        IHostApplicationLifetime lifetime, ILogger<DatasetStore> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(lifetime);
        (_changes, _scopes, _time, _logger, _stopping) = (changes, scopes, time, logger, lifetime.ApplicationStopping);
        var parent = System.IO.Path.Combine(storage.Folder, "datasets");
        Folder = System.IO.Path.Combine(parent, changes.Instance.ToString("x", CultureInfo.InvariantCulture));
        RemoveAbandoned(parent);
    }

    private long _builds;

    /// <summary>How many datasets this instance has built since the start, for tests and diagnostics.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>This instance's folder of dataset files.</summary>
    public string Folder { get; }

    /// <summary>The dataset as built, when it is current; null when it was never built or changed since.</summary>
    public BuiltDataset? Current(DatasetScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _built.TryGetValue(Id(scope), out var built) && _changes.IsCurrent(scope.Tags, built.Position) ? built : null;
    }

    /// <summary>The current dataset, built now (or awaited from the build under way) when there is none.</summary>
    public async Task<BuiltDataset> GetAsync(DatasetScope scope, CancellationToken cancellationToken)
    {
        var id = Id(scope);
        _asked[id] = _time.GetTimestamp();
        if (Current(scope) is { } current)
        {
            return current;
        }

        var building = _building.GetOrAdd(id, _ => new Lazy<Task<BuiltDataset>>(() =>
        {
            // The build outlives the request that started it (others wait for it) and runs outside its context.
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => BuildAsync(scope, id));
            }
        }));
        return await building.Value.WaitAsync(cancellationToken);
    }

    private async Task<BuiltDataset> BuildAsync(DatasetScope scope, string id)
    {
        try
        {
            await _slots.WaitAsync(_stopping);
            try
            {
                if (Current(scope) is { } current)
                {
                    return current;
                }

                // Read before the database is: a change learnt meanwhile makes this build out of date at once.
                var position = _changes.Position;
                Directory.CreateDirectory(Folder);
                var stem = System.IO.Path.Combine(Folder, $"{ReportFilesStem(scope)}-{Guid.NewGuid():N}");
                var (zipPath, csvPath) = (stem + ".zip", stem + ".csv");
                DatasetBuild build;
                try
                {
                    await using var services = _scopes.CreateAsyncScope();
                    build = await services.ServiceProvider.GetRequiredService<DatasetBuilder>().BuildAsync(scope, zipPath, csvPath, _stopping);
                }
                catch
                {
                    File.Delete(zipPath);
                    File.Delete(csvPath);
                    throw;
                }

                var built = new BuiltDataset(build.Reports, build.CsvRows, await FileOfAsync(zipPath), await FileOfAsync(csvPath), _time.GetUtcNow(), position);
                if (_built.TryGetValue(id, out var replaced))
                {
                    _retired.Enqueue((replaced, _time.GetUtcNow()));
                }

                _built[id] = built;
                Interlocked.Increment(ref _builds);
                RetireLeastAsked(id);
                DeleteRetired();
                LogBuilt(_logger, scope.Key, scope.Year, built.Reports, built.Zip.Size);
                return built;
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            _building.TryRemove(id, out _);
        }
    }

    private static string Id(DatasetScope scope) => $"{scope.Key}:{scope.Year.ToString(CultureInfo.InvariantCulture)}";

    private static string ReportFilesStem(DatasetScope scope) =>
        $"{Public.ReportDownloads.AsciiKey(scope.Root?.Key ?? "all")}-{scope.Year.ToString(CultureInfo.InvariantCulture)}";

    private static async Task<DatasetFile> FileOfAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var hash = await SHA256.HashDataAsync(file);
        return new DatasetFile(path, file.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>Beyond <see cref="MaxKept"/> datasets, retires those asked for least recently (never the one just built).</summary>
    private void RetireLeastAsked(string justBuilt)
    {
        var excess = _built.Count - MaxKept;
        if (excess <= 0)
        {
            return;
        }

        foreach (var id in _built.Keys.Where(id => id != justBuilt).OrderBy(id => _asked.GetValueOrDefault(id)).Take(excess).ToList())
        {
            if (_built.TryRemove(id, out var retired))
            {
                _asked.TryRemove(id, out _);
                _retired.Enqueue((retired, _time.GetUtcNow()));
            }
        }
    }

    private void DeleteRetired()
    {
        var before = _time.GetUtcNow() - RetiredFor;
        while (_retired.TryPeek(out var retired) && retired.RetiredAt < before && _retired.TryDequeue(out retired))
        {
            TryDelete(retired.Dataset.Zip.Path);
            TryDelete(retired.Dataset.Csv.Path);
        }
    }

    private void RemoveAbandoned(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            if (folder != Folder && Directory.GetLastWriteTimeUtc(folder) < _time.GetUtcNow().UtcDateTime - AbandonedAfter)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Still in use (another instance's downloads): tried again at the next start.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Open for a download on a system that forbids deleting open files: removed with the folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset {Scope} {Year} built: {Reports} reports, {Bytes} bytes")]
    private static partial void LogBuilt(ILogger logger, string scope, int year, int reports, long bytes);
}
