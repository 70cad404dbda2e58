using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents;

/// <summary>One downloadable rendering of a published report (PDF, Word, Excel, CSV, JSON).</summary>
public interface IReportRenderer
{
    /// <summary>The file extension without the dot, as in the download URL (<c>/reports/350505/2023.pdf</c>).</summary>
    string Extension { get; }

    string ContentType { get; }

    Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default);
}

/// <summary>
/// A rendering that can be written straight into a stream that accepts synchronous writes (a file, an
/// entry of a ZIP being built), with the same bytes as <see cref="IReportRenderer.RenderAsync"/> but no
/// copy of the whole document in between; large exports use it so they hold one document at a time.
/// </summary>
public interface IDirectReportRenderer : IReportRenderer
{
    /// <summary>Writes the rendering into <paramref name="output"/>, which it neither seeks nor closes.</summary>
    void Render(ReportDocument report, Stream output);
}

/// <summary>File names of downloads: 泉港区2023年政府信息公开工作年度报告.pdf.</summary>
public static class ReportFileNames
{
    private static readonly string[] Suffixes = ["人民政府办公室", "人民政府", "办事处"];

    /// <summary>
    /// The name a reader knows the body by: the official name without the parent's name in front and
    /// without 人民政府 or 办事处 at the end (泉州市泉港区人民政府 → 泉港区; 晋江市西园街道办事处 → 西园街道).
    /// </summary>
    public static string ShortName(string name, string? parent)
    {
        var shortName = name;
        if (parent is { Length: > 0 } && shortName.StartsWith(parent, StringComparison.Ordinal) && shortName.Length > parent.Length)
        {
            shortName = shortName[parent.Length..];
        }

        foreach (var suffix in Suffixes)
        {
            if (shortName.EndsWith(suffix, StringComparison.Ordinal) && shortName.Length > suffix.Length)
            {
                shortName = shortName[..^suffix.Length];
                break;
            }
        }

        return shortName;
    }

    public static string Title(ReportDocument report) => Title(report.Organization.Name, report.Organization.Parent, report.Year);

    /// <summary>The one title form of a report, on every page and download: 西园街道2021年政府信息公开工作年度报告.</summary>
    public static string Title(string organizationName, string? parentName, int year) =>
        $"{ShortName(organizationName, parentName)}{year}年政府信息公开工作年度报告";

    public static string For(ReportDocument report, string extension) => $"{Title(report)}.{extension}";
}
