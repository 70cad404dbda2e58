namespace GovInfoPortal.Data.Caching;

/// <summary>
/// One change citizens can see, in the change log every instance of the portal follows: written in the same
/// transaction as the change (a publication, a correction's publication, an import, the synthetic seed, an
/// organization added, renamed or moved, an archived original), naming what it changed as
/// <see cref="ContentTags"/>. Each instance evicts from its caches exactly the public answers tagged with one
/// of them (see <c>ContentChangeFollower</c> in the web project). Old rows are pruned
/// (<see cref="ContentChanges.PruneAsync"/>).
/// </summary>
public sealed class ContentChangeRecord
{
    /// <summary>The greatest length of <see cref="Tags"/>; a change naming more is written as <see cref="ContentTags.Everything"/>.</summary>
    public const int TagsMaxLength = 4000;

    /// <summary>Increasing with each row written (gaps and commits out of order are possible: followers allow for both).</summary>
    public long Id { get; private set; }

    /// <summary>When the change was written (UTC).</summary>
    public DateTime ChangedAt { get; private set; }

    /// <summary>The tags of the change, separated by spaces.</summary>
    public string Tags { get; private set; }

    private ContentChangeRecord()
    {
        Tags = string.Empty;
    }

    public ContentChangeRecord(IEnumerable<string> tags, DateTime changedAt)
    {
        var joined = string.Join(' ', tags.Distinct(StringComparer.Ordinal));
        Tags = joined.Length is 0 or > TagsMaxLength ? ContentTags.Everything : joined;
        ChangedAt = changedAt;
    }

    /// <summary>The tags of <see cref="Tags"/>.</summary>
    public IReadOnlyList<string> TagList => Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
