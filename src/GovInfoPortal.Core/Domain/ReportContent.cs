using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// What a report states: its year, format, narrative and tables. Implemented by the stored
/// <see cref="AnnualReport"/> and by an interchange document, so the validator serves both.
/// </summary>
public interface IReportContent
{
    int Year { get; }

    ReportFormat Format { get; }

    ReportSections Sections { get; }

    ReportTable ActiveDisclosure { get; }

    ReportTable Applications { get; }

    ReportTable ReviewLitigation { get; }

    DateOnly? PublishedOn { get; }
}

public static class ReportContentExtensions
{
    public static ReportTable Table(this IReportContent report, string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => report.ActiveDisclosure,
        TableCodes.Applications => report.Applications,
        TableCodes.ReviewLitigation => report.ReviewLitigation,
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };

    public static FormatDefinition Definition(this IReportContent report) => FormatDefinition.For(report.Format);
}
