namespace GovInfoPortal.Web.Exports;

/// <summary>How this instance takes part in building background exports (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Whether this instance builds exports; an instance that only serves pages may leave it off.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often an idle instance looks for queued jobs (a request on the same instance wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job whose heartbeat is older than this is taken for abandoned and claimed again.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A job abandoned this many times is failed instead of claimed again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Progress (and the heartbeat) is written at most this often while a job runs.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Where finished exports are kept: <c>Storage:Path</c>, relative to the content root unless absolute
/// (default <c>App_Data/exports</c>). Instances behind one load balancer need it on a shared volume, since
/// the instance that serves a download is not always the one that built the file.
/// </summary>
public sealed class ExportStorage
{
    public const string PathSetting = "Storage:Path";
    public const string DefaultPath = "App_Data/exports";

    public ExportStorage(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = System.IO.Path.GetFullPath(folder);
    }

    public static ExportStorage From(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[PathSetting];
        return new ExportStorage(System.IO.Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured));
    }

    public string Folder { get; }

    /// <summary>The full path of a stored file; only plain file names are accepted (no folders, no "..").</summary>
    public string PathOf(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (fileName != System.IO.Path.GetFileName(fileName) || fileName is "." or "..")
        {
            throw new ArgumentException("Not a plain file name.", nameof(fileName));
        }

        return System.IO.Path.Combine(Folder, fileName);
    }

    public bool Exists(string fileName) => File.Exists(PathOf(fileName));

    public void Delete(string fileName) => File.Delete(PathOf(fileName));
}

/// <summary>This process among the portal's instances, as export jobs record who claimed them.</summary>
public sealed class ExportInstance(string id)
{
    public string Id { get; } = id;

    /// <summary>Host name and process id for people reading the table, and a random part so a restarted process is a new instance.</summary>
    public static ExportInstance ForThisProcess() =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}

/// <summary>
/// Wakes this instance's worker when a job was just queued here, so it need not wait for its next poll.
/// Only a shortcut: other instances find the job by polling the database.
/// </summary>
public sealed class ExportWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet seen: once is enough.
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
