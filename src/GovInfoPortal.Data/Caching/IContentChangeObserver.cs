namespace GovInfoPortal.Data.Caching;

/// <summary>
/// Told of each change a context of this process saved, right after the save (<see cref="ContentChangeStep"/>),
/// when the host registers one: the instance that made a change evicts at once what it changed, without waiting to
/// read it back from the log as the other instances do.
/// </summary>
public interface IContentChangeObserver
{
    void Written(IReadOnlyList<string> tags);
}
