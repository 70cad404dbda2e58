namespace GovInfoPortal.Data.Caching;

/// <summary>
/// The generation of the published content: one row whose <see cref="Stamp"/> takes a new value in the same
/// transaction as every change citizens can see (a publication, a correction's publication, a published report
/// imported or seeded, an organization added, renamed or moved). Every instance of the portal keys what it keeps
/// of the public pages by the stamp it reads, so a change made through one instance shows through all of them on
/// the next request.
/// </summary>
public sealed class ContentGeneration
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    public int Id { get; private set; } = RowId;

    /// <summary>A value no earlier generation had (random, so concurrent changes never produce the same one).</summary>
    public long Stamp { get; private set; }

    /// <summary>When the published content last changed (UTC): the public pages' <c>Last-Modified</c>.</summary>
    public DateTime ChangedAt { get; private set; }

    private ContentGeneration()
    {
    }

    internal ContentGeneration(long stamp, DateTime changedAt)
    {
        Stamp = stamp;
        ChangedAt = changedAt;
    }

    /// <summary>A stamp for the next generation.</summary>
    public static long NewStamp() => Random.Shared.NextInt64(1, long.MaxValue);

    internal void Advance(DateTime now)
    {
        Stamp = NewStamp();
        ChangedAt = now;
    }
}
