namespace GovInfoPortal.Core.Domain;

/// <summary>Who takes a step: a signed-in user (its account id and the name pages show) or the system itself.</summary>
/// <param name="UserId">The account's id, or null for the system (start-up, the command line).</param>
/// <param name="Name">The name shown in comments and the audit trail.</param>
public sealed record Actor(string? UserId, string Name)
{
    public const int NameMaxLength = 50;

    /// <summary>Steps nobody signed in took: demo data, migrations.</summary>
    public static readonly Actor System = new(null, "系统");
}
