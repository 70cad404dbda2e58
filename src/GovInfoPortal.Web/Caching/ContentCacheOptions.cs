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

    /// <summary>
    /// How far a search's results may lag the publications: a cached search page that a change made out of date is
    /// still served until it is this old, and only then rebuilt (by one request, as any page). Every search page
    /// matches nearly every publication, and a publication lands every few seconds in the season, so without it each
    /// search would be rebuilt after each publication; the report pages, browse, statistics, feeds and the API
    /// follow the changes at once. 0: searches follow the changes at once too.
    /// </summary>
    public int SearchLagSeconds { get; set; } = 30;

    /// <summary>
    /// While the database cannot be reached, for how long the public answers this instance holds are still served,
    /// marked as stale (<see cref="StaleIfError"/>); 0 turns it off.
    /// </summary>
    public int StaleIfErrorSeconds { get; set; } = 3600;

    /// <summary>How much memory the copies kept for serving stale may take (uncompressed, one per address).</summary>
    public int StaleMegabytes { get; set; } = 48;
}
