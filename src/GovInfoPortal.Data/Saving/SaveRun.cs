using Microsoft.EntityFrameworkCore.Storage;

namespace GovInfoPortal.Data.Saving;

/// <summary>One call of <c>SaveChanges</c> going through a context's <see cref="SavePipeline"/>.</summary>
public sealed class SaveRun
{
    internal SaveRun(GovInfoDbContext db, SaveRun? outer)
    {
        Db = db;
        Outer = outer;
    }

    /// <summary>The context saving.</summary>
    public GovInfoDbContext Db { get; }

    /// <summary>
    /// The save of the same context under way when this one began, else null: a save made by a step's own work
    /// (<see cref="Audit.AuditStep"/> saves the entries it writes), which then knows it by <see cref="IsMadeBy"/>.
    /// </summary>
    public SaveRun? Outer { get; }

    /// <summary>The step at work in this save right now (before or after the changes are written).</summary>
    public ISaveStep? Step { get; internal set; }

    /// <summary>The transaction opened for this save (<see cref="UseTransactionAsync"/>), else null.</summary>
    internal IDbContextTransaction? Transaction { get; private set; }

    /// <summary>Whether this save is made by <paramref name="step"/>'s work in the save around it.</summary>
    public bool IsMadeBy(ISaveStep step) => ReferenceEquals(Outer?.Step, step);

    /// <summary>
    /// Opens a transaction for this save when none is open (the caller's is used as it is): from now on the save and
    /// every step's work after it are written in it. The pipeline commits it once the last step is done, and rolls it
    /// back if anything fails.
    /// </summary>
    public async Task UseTransactionAsync(CancellationToken cancellationToken)
    {
        if (Db.Database.CurrentTransaction is null)
        {
            Transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        }
    }
}
