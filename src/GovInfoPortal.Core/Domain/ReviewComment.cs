namespace GovInfoPortal.Core.Domain;

/// <summary>
/// The parts of a report a reviewer's comment can be about: the six parts by their codes, or the report as a
/// whole (<see cref="General"/>).
/// </summary>
public static class ReportParts
{
    public const string General = "general";
    public const string Overview = "overview";
    public const string ActiveDisclosure = "activeDisclosure";
    public const string Applications = "applications";
    public const string ReviewLitigation = "reviewLitigation";
    public const string Problems = "problems";
    public const string OtherMatters = "otherMatters";

    /// <summary>In the order of the report, the whole report first.</summary>
    public static readonly IReadOnlyList<string> All = [General, Overview, ActiveDisclosure, Applications, ReviewLitigation, Problems, OtherMatters];

    public static bool IsKnown(string? part) => part is not null && All.Contains(part);

    public static string DisplayName(string part) => part switch
    {
        General => "报告整体",
        Overview => "一、总体情况",
        ActiveDisclosure => "二、主动公开政府信息情况",
        Applications => "三、收到和处理政府信息公开申请情况",
        ReviewLitigation => "四、政府信息公开行政复议、行政诉讼情况",
        Problems => "五、存在的主要问题及改进情况",
        OtherMatters => "六、其他需要报告的事项",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown part."),
    };
}

/// <summary>
/// A reviewer's comment on one part of a report (or the whole), made on the report's first round or on one of
/// its corrections; a return always comes with one. Comments are never edited.
/// </summary>
public class ReviewComment
{
    public const int TextMaxLength = 2000;
    public const int PartMaxLength = 30;

    private ReviewComment()
    {
        Part = ReportParts.General;
        Text = string.Empty;
        AuthorName = string.Empty;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public AnnualReport Report { get; private set; } = null!;

    /// <summary>The correction the comment was made on, or null for the report's first round.</summary>
    public int? CorrectionId { get; private set; }

    public ReportCorrection? Correction { get; private set; }

    /// <summary>One of <see cref="ReportParts"/>.</summary>
    public string Part { get; private set; }

    public string Text { get; private set; }

    public string? AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Whether the comment came with a return (the reasons the clerk must address).</summary>
    public bool WithReturn { get; private set; }

    internal static ReviewComment Create(AnnualReport report, ReportCorrection? correction, string part, string text, Actor author, bool withReturn,
        DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (!ReportParts.IsKnown(part))
        {
            throw new ReportWorkflowException("请选择意见针对的报告部分。");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ReportWorkflowException("请填写意见内容。");
        }

        text = text.Trim();
        if (text.Length > TextMaxLength)
        {
            throw new ReportWorkflowException($"意见最多 {TextMaxLength} 个字，现有 {text.Length} 个字。");
        }

        return new ReviewComment
        {
            Report = report,
            ReportId = report.Id,
            Correction = correction,
            CorrectionId = correction?.Id == 0 ? null : correction?.Id,
            Part = part,
            Text = text,
            AuthorId = author.UserId,
            AuthorName = author.Name.Length > Actor.NameMaxLength ? author.Name[..Actor.NameMaxLength] : author.Name,
            CreatedAt = utcNow,
            WithReturn = withReturn,
        };
    }
}
