using System.Globalization;
using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Web.Clerk;

/// <summary>Times as the clerk reads them: China time (<see cref="ChinaTime"/>), 2026年1月15日 14:05.</summary>
public static class ClerkDates
{
    public static string Local(DateTime utc) => ChinaTime.Of(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider time) => ChinaTime.Today(time);
}
