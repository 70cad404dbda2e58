namespace GovInfoPortal.Core.Domain;

/// <summary>
/// When a year's report is due (条例 article 49): by default January 31 of the following year; a
/// people's government's own report by March 31 (article 50). Configurable per organization kind.
/// </summary>
public sealed class DeadlinePolicy
{
    public static readonly DeadlinePolicy Default = new(new Dictionary<OrganizationKind, (int Month, int Day)>
    {
        [OrganizationKind.PeoplesGovernment] = (3, 31),
    });

    private readonly IReadOnlyDictionary<OrganizationKind, (int Month, int Day)> _byKind;

    public DeadlinePolicy(IReadOnlyDictionary<OrganizationKind, (int Month, int Day)> byKind) => _byKind = byKind;

    public DateOnly DeadlineFor(OrganizationKind kind, int year)
    {
        var (month, day) = _byKind.TryGetValue(kind, out var date) ? date : (1, 31);
        return new DateOnly(year + 1, month, Math.Min(day, DateTime.DaysInMonth(year + 1, month)));
    }
}
