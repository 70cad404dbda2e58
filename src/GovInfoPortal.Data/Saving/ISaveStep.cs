namespace GovInfoPortal.Data.Saving;

/// <summary>
/// One piece of work every save of a <see cref="GovInfoDbContext"/> does besides writing the tracked changes (the
/// audit trail, the search index, the change log, the year totals). <see cref="SavePipeline"/> runs the steps of a
/// save in their order: each step's <see cref="BeforeSaveAsync"/> before the changes are written, then, once they
/// are, each <see cref="AfterSaveAsync"/> with the state its own <see cref="BeforeSaveAsync"/> returned. The state
/// belongs to that one save (two contexts saving at once, or a save made by another step's work, each have their
/// own) and is dropped with it when the save fails; a step keeps none between saves. A step that needs its work in
/// the same transaction as the save asks for one (<see cref="SaveRun.UseTransactionAsync"/>) instead of opening it.
/// </summary>
public interface ISaveStep
{
    /// <summary>Before the changes are written: what this save means to the step, or null when it is nothing to it.</summary>
    Task<object?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken);

    /// <summary>After the changes are written, in the save's transaction (the caller's, or the one a step asked for).</summary>
    Task AfterSaveAsync(SaveRun save, object state, CancellationToken cancellationToken);
}

/// <summary>An <see cref="ISaveStep"/> whose state for a save is a <typeparamref name="TState"/>.</summary>
public abstract class SaveStep<TState> : ISaveStep
    where TState : class
{
    /// <inheritdoc cref="ISaveStep.BeforeSaveAsync"/>
    protected abstract Task<TState?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken);

    /// <inheritdoc cref="ISaveStep.AfterSaveAsync"/>
    protected abstract Task AfterSaveAsync(SaveRun save, TState state, CancellationToken cancellationToken);

    async Task<object?> ISaveStep.BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken) =>
        await BeforeSaveAsync(save, cancellationToken);

    Task ISaveStep.AfterSaveAsync(SaveRun save, object state, CancellationToken cancellationToken) =>
        AfterSaveAsync(save, (TState)state, cancellationToken);
}
