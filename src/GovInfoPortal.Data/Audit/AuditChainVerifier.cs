using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Audit;

/// <summary>What is wrong with an audit entry.</summary>
public enum AuditBreakKind
{
    /// <summary>The entry's fields no longer match its hash.</summary>
    Changed,

    /// <summary>The entry is not part of the chain: the next entry links past it.</summary>
    Inserted,

    /// <summary>The entry does not link to the one before it: entries in between were deleted.</summary>
    Deleted,

    /// <summary>An entry after the start of the chain has no hash.</summary>
    MissingHash,
}

/// <summary>The first entry where the chain breaks, with a zh-CN explanation.</summary>
public sealed record AuditBreak(long EntryId, AuditBreakKind Kind, string Message);

/// <param name="Chained">Entries in the chain (checked).</param>
/// <param name="Unchained">Entries written before the chain began (no hash, not protected).</param>
/// <param name="LastId">The last entry, to compare a later run with.</param>
/// <param name="LastHash">The last entry's hash: recorded outside the database, it also shows entries removed from the end.</param>
public sealed record AuditVerification(int Chained, int Unchained, long? LastId, string? LastHash, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Walks the audit trail in id order and checks the chain (<see cref="AuditChain"/>): every entry's hash matches
/// its fields, and links to the entry before it. Entries without a hash before the first hashed one predate the
/// chain and are counted apart; after it, every entry must have one. Stops at the first broken entry.
/// </summary>
public sealed class AuditChainVerifier(GovInfoDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var chained = 0;
        var unchained = 0;
        AuditEntry? previous = null;
        AuditEntry? current = null;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable();
        await foreach (var next in entries.WithCancellation(cancellationToken))
        {
            if (current is not null)
            {
                if (Check(current, previous, next) is { } broken)
                {
                    return new AuditVerification(chained, unchained, current.Id, current.Hash, broken);
                }

                chained++;
                previous = current;
                current = null;
            }

            if (previous is null && next.Hash is null)
            {
                unchained++;
                continue;
            }

            current = next;
        }

        if (current is not null)
        {
            if (Check(current, previous, null) is { } broken)
            {
                return new AuditVerification(chained, unchained, current.Id, current.Hash, broken);
            }

            chained++;
            previous = current;
        }

        return new AuditVerification(chained, unchained, previous?.Id, previous?.Hash, null);
    }

    /// <summary>The break at <paramref name="entry"/>, given the last good entry and the entry after it, or null.</summary>
    private static AuditBreak? Check(AuditEntry entry, AuditEntry? previous, AuditEntry? next)
    {
        var expectedPrevious = previous?.Hash;
        var selfIntact = entry.Hash is not null && entry.Hash == AuditChain.HashOf(entry);
        var linked = entry.PreviousHash == expectedPrevious;
        if (selfIntact && linked)
        {
            return null;
        }

        if (next is not null && next.PreviousHash is not null && next.PreviousHash == expectedPrevious)
        {
            return new AuditBreak(entry.Id, AuditBreakKind.Inserted,
                $"审计记录 {entry.Id} 不属于审计链：其后的记录 {next.Id} 直接链接到{Before(previous)}，该记录是被插入的。");
        }

        if (entry.Hash is null)
        {
            return new AuditBreak(entry.Id, AuditBreakKind.MissingHash,
                $"审计记录 {entry.Id} 没有哈希：审计链开始后写入的记录都带有哈希，该记录是被插入的或其哈希被清除。");
        }

        if (!selfIntact)
        {
            return new AuditBreak(entry.Id, AuditBreakKind.Changed,
                $"审计记录 {entry.Id} 的内容与其哈希不符：该记录的字段被修改过。");
        }

        return previous is null
            ? new AuditBreak(entry.Id, AuditBreakKind.Deleted,
                $"审计链的开头缺失：审计记录 {entry.Id} 链接的上一条记录已不存在，之前的记录被删除过。")
            : new AuditBreak(entry.Id, AuditBreakKind.Deleted,
                $"审计记录 {entry.Id} 与上一条记录 {previous.Id} 链接不上：两者之间的记录被删除过（或记录 {entry.Id} 是被插入的）。");
    }

    private static string Before(AuditEntry? previous) => previous is null ? "审计链的开头" : $"记录 {previous.Id}";
}
