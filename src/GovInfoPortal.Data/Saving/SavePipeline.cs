using GovInfoPortal.Data.Audit;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Fingerprints;
using GovInfoPortal.Data.Search;
using GovInfoPortal.Data.Statistics;

namespace GovInfoPortal.Data.Saving;

/// <summary>
/// The steps every save of one <see cref="GovInfoDbContext"/> goes through, in order (see <see cref="ISaveStep"/>).
/// Each context builds its own in its constructor, however it is made (the portal's container, the command line,
/// tests, design-time factories), so no code path can save without them. The state of each save is kept by the
/// call of <see cref="SaveAsync"/> that makes it, never by the steps.
/// </summary>
public sealed class SavePipeline(IEnumerable<ISaveStep> steps)
{
    private readonly ISaveStep[] _steps = [.. steps];

    // The save of this context under way (a step's own work may save again inside it).
    private SaveRun? _current;

    /// <summary>
    /// The portal's steps. They run in this order, before the save and after it, and the order matters:
    /// <list type="number">
    /// <item><see cref="FingerprintStep"/> first: a report published without its organization loaded gets its
    /// organization and fingerprint before any other step reads the save.</item>
    /// <item><see cref="ReportSearchStep"/>: after the save it reindexes the reports it noted.</item>
    /// <item><see cref="AuditStep"/>: before the save it asks for the transaction when there are steps to audit, so
    /// that the change-log record and the totals' rows of the next steps are written in it too; after the save it
    /// writes the trail (under the chain's lock, before the next steps lock the totals' rows), saving again through
    /// this pipeline (a save it knows as its own, <see cref="SaveRun.IsMadeBy"/>).</item>
    /// <item><see cref="ContentChangeStep"/> after the audit: its record is part of the save; after the save it wakes
    /// the other instances (a PostgreSQL notification, delivered at the commit) and tells this one's
    /// <see cref="IContentChangeObserver"/>.</item>
    /// <item><see cref="OrganizationTotalsStep"/> last: it asks for the transaction too (when the audit did not), and
    /// writes the year totals once ids and paths are known and the other steps are done.</item>
    /// </list>
    /// </summary>
    public static SavePipeline ForPortal() => new(
    [
        new FingerprintStep(),
        new ReportSearchStep(),
        new AuditStep(),
        new ContentChangeStep(),
        new OrganizationTotalsStep(),
    ]);

    public IReadOnlyList<ISaveStep> Steps => _steps;

    /// <summary>
    /// Runs the steps around <paramref name="save"/> (the context's own <c>SaveChanges</c>): every step before it, then
    /// after it each step that had something to do, passing each its state; then commits the transaction a step asked
    /// for. If anything fails, that transaction is rolled back and the states are dropped before the exception goes on.
    /// </summary>
    public async Task<int> SaveAsync(GovInfoDbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        var run = new SaveRun(db, _current);
        var states = new object?[_steps.Length];
        _current = run;
        try
        {
            for (var i = 0; i < _steps.Length; i++)
            {
                run.Step = _steps[i];
                states[i] = await _steps[i].BeforeSaveAsync(run, cancellationToken);
            }

            run.Step = null;
            var saved = await save(cancellationToken);
            for (var i = 0; i < _steps.Length; i++)
            {
                if (states[i] is { } state)
                {
                    run.Step = _steps[i];
                    await _steps[i].AfterSaveAsync(run, state, cancellationToken);
                }
            }

            run.Step = null;
            if (run.Transaction is not null)
            {
                await run.Transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            run.Step = null;
            _current = run.Outer;
            if (run.Transaction is not null)
            {
                // After a commit this only lets it go; otherwise it rolls the save and the steps' work back.
                await run.Transaction.DisposeAsync();
            }
        }
    }
}
