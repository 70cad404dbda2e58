using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents;
using Microsoft.AspNetCore.Html;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>
/// What <c>_ReportBody.cshtml</c> shows: a report read as published — title, table of contents and the six
/// parts of its format, or, for a legacy report, its archived document and headline figures. Built from
/// the interchange document, so a stored report (<see cref="ReportDocument.FromReport"/>, organization
/// and its parent loaded) and an uploaded document read the same.
/// </summary>
/// <param name="TitleLevel">The heading level of the report's title (1 on its own page, 2 inside another page).</param>
/// <param name="IdPrefix">Prefix of every element id, to keep ids unique when a page shows several reports.</param>
public sealed record ReportBodyModel(ReportDocument Report, string? SignedBy, int TitleLevel = 1, string IdPrefix = "")
{
    /// <summary>A report's working copy (the report, or a correction of it) as it will read once published.</summary>
    public static ReportBodyModel From(ReportWorkingCopy copy, Organization organization) =>
        new(ReportDocument.From(copy, organization), copy.SignedBy);

    public static ReportBodyModel From(AnnualReport report, int titleLevel = 1, string idPrefix = "") =>
        new(ReportDocument.FromReport(report), report.SignedBy, titleLevel, idPrefix);

    /// <summary>What the page shows under the report's heading (the public page: its downloads), or null.</summary>
    public IHtmlContent? Actions { get; init; }

    /// <summary>A legacy report's uploaded original PDF and its public address, or null.</summary>
    public (string Url, GovInfoPortal.Web.Archive.ArchiveDocumentInfo Info)? ArchiveOriginal { get; init; }

    public FormatDefinition Definition => FormatDefinition.For(Report.Format);

    public bool IsLegacy => !Definition.HasTables;

    /// <summary>泉港区2023年政府信息公开工作年度报告: the title the downloads carry too.</summary>
    public string Title => ReportFileNames.Title(Report);

    public int PartLevel => Math.Min(TitleLevel + 1, 6);

    public string PartId(ReportPartDefinition part) => $"{IdPrefix}part-{PartIndex(part)}";

    public string Id(string name) => IdPrefix + name;

    private int PartIndex(ReportPartDefinition part)
    {
        for (var i = 0; i < Definition.Parts.Count; i++)
        {
            if (ReferenceEquals(Definition.Parts[i], part))
            {
                return i + 1;
            }
        }

        throw new ArgumentException("The part is not one of this format's.", nameof(part));
    }

    public OfficialTableModel TableOf(TableDefinition table) =>
        OfficialTableModel.For(table, Report.Table(table.Code), IdPrefix);

    /// <summary>
    /// The narrative parts a legacy report carries: legacy reports have no fixed parts, so their texts are
    /// named by the parts of today's formats without the numbers.
    /// </summary>
    public IReadOnlyList<NarrativePartDefinition> LegacyNarrativeParts =>
        FormatDefinition.For(ReportFormats.ForYear(ReportFormats.FirstYear2021)).NarrativeParts
            .Where(part => !string.IsNullOrWhiteSpace(Report.Sections[part.Code]))
            .ToArray();

    /// <summary>The paragraphs of a narrative part: one per line of text, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(["\r\n", "\n", "\r"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
