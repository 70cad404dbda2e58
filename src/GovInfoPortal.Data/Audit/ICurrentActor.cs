using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// Who is making the changes a context saves, for the audit trail: the portal implements it from the signed-in
/// user, the command line as itself. Without one registered, changes are the system's (<see cref="Actor.System"/>).
/// </summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}

/// <summary>A fixed actor: the command line, a background job, a test.</summary>
public sealed class FixedActor(Actor actor) : ICurrentActor
{
    public Actor Actor { get; } = actor;
}
