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

/// <summary>Where a report stands against its deadline.</summary>
public enum Lateness
{
    /// <summary>Published by the deadline, or not yet due.</summary>
    OnTime,

    /// <summary>Not published, and the deadline has passed (逾期未发布).</summary>
    OverdueUnpublished,

    /// <summary>Published after the deadline (逾期发布).</summary>
    PublishedLate,
}

/// <summary>
/// The one rule of lateness, for the <c>publication.late</c> finding, the review page and the dashboard's rows (the
/// dashboard's counts and filter run the same comparison in the database, <c>ReviewDashboard</c>).
/// </summary>
public static class Latenesses
{
    /// <param name="due">The deadline.</param>
    /// <param name="publishedOn">When the report was published; null while it is not.</param>
    /// <param name="today">Today in China; null when lateness of an unpublished report is not asked (a document checked on its own).</param>
    public static Lateness Of(DateOnly due, DateOnly? publishedOn, DateOnly? today) =>
        publishedOn is { } published ? published > due ? Lateness.PublishedLate : Lateness.OnTime
        : today is { } now && now > due ? Lateness.OverdueUnpublished
        : Lateness.OnTime;

    /// <summary>（已逾期）, （逾期发布） or nothing: what follows a deadline where it is shown.</summary>
    public static string Suffix(this Lateness lateness) => lateness switch
    {
        Lateness.OverdueUnpublished => "（已逾期）",
        Lateness.PublishedLate => "（逾期发布）",
        _ => string.Empty,
    };
}
