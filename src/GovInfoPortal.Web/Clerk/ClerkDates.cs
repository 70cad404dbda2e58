using System.Globalization;

namespace GovInfoPortal.Web.Clerk;

/// <summary>Times as the clerk reads them: China time, 2026年1月15日 14:05.</summary>
public static class ClerkDates
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Local(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
