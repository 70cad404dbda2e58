using System.Globalization;

namespace GovInfoPortal.Core.Formats;

/// <summary>Dates as every zh-CN text of the portal writes them: 2022年1月31日 (machine fields keep ISO 8601).</summary>
public static class ChineseDates
{
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
