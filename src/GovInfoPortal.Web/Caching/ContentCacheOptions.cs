namespace GovInfoPortal.Web.Caching;

/// <summary>The <c>Caching</c> settings: how the instance follows the change log and how long a changed copy may still be served.</summary>
public sealed class ContentCacheOptions
{
    public const string Section = "Caching";

    /// <summary>How often the change log is read (the fallback when no notification comes, and on SQLite and SQL Server).</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>On PostgreSQL, whether changes are also awaited with <c>LISTEN</c> (read within milliseconds of their commit).</summary>
    public bool Listen { get; set; } = true;

    /// <summary>How long the log keeps a change. An instance that could not read it for longer evicts everything.</summary>
    public int RetentionMinutes { get; set; } = 60;

    /// <summary>
    /// While a changed page is rebuilt (by one request), how long the other requests for it still get the previous
    /// copy instead of waiting for the new one.
    /// </summary>
    public int GraceMilliseconds { get; set; } = 1000;
}
