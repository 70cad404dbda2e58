namespace GovInfoPortal.Core.Domain;

/// <summary>
/// The portal's one notion of "now" and "today": China time (UTC+8, no daylight saving), read from a
/// <see cref="TimeProvider"/> so that tests pin it. Deadlines, the year in progress and the times shown all use it.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetUtcNow().ToOffset(Offset);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    /// <summary>A stored UTC time in China time.</summary>
    public static DateTimeOffset Of(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);
}
