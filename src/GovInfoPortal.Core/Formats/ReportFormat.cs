namespace GovInfoPortal.Core.Formats;

/// <summary>The official layout a report follows; which one is fixed by the report's year.</summary>
public enum ReportFormat
{
    /// <summary>Reports for 2018 and earlier: archived document plus optional headline figures.</summary>
    Legacy = 0,

    /// <summary>国办公开办函〔2019〕60号: reports for 2019 and 2020.</summary>
    Format2019 = 2019,

    /// <summary>国办公开办函〔2021〕30号: reports for 2021 on.</summary>
    Format2021 = 2021,
}

public static class ReportFormats
{
    public const int FirstYear2019 = 2019;
    public const int FirstYear2021 = 2021;

    /// <summary>The earliest and latest years the portal accepts for a report.</summary>
    public const int MinYear = 2008;
    public const int MaxYear = 2100;

    public static ReportFormat ForYear(int year) => year switch
    {
        >= FirstYear2021 => ReportFormat.Format2021,
        >= FirstYear2019 => ReportFormat.Format2019,
        _ => ReportFormat.Legacy,
    };

    /// <summary>The code used in the interchange format, the API and URLs.</summary>
    public static string Code(this ReportFormat format) => format switch
    {
        ReportFormat.Legacy => "legacy",
        ReportFormat.Format2019 => "2019",
        ReportFormat.Format2021 => "2021",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static bool TryParse(string? code, out ReportFormat format)
    {
        switch (code)
        {
            case "legacy":
                format = ReportFormat.Legacy;
                return true;
            case "2019":
                format = ReportFormat.Format2019;
                return true;
            case "2021":
                format = ReportFormat.Format2021;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The zh-CN name of a format, for messages and pages.</summary>
    public static string DisplayName(this ReportFormat format) => format switch
    {
        ReportFormat.Legacy => "2018年及以前（存档）",
        ReportFormat.Format2019 => "2019年版格式",
        ReportFormat.Format2021 => "2021年版格式",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
