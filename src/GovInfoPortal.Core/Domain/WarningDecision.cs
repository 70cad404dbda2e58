using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Domain;

/// <summary>What a reviewer decided about a warning's explanation.</summary>
public enum WarningDecisionKind
{
    /// <summary>The clerk's explanation stands: the warning is settled for this round.</summary>
    Accepted = 0,

    /// <summary>The explanation does not hold: the report (or correction) goes back to the clerk with the reason.</summary>
    SentBack = 1,
}

public static class WarningDecisionKinds
{
    public static string DisplayName(this WarningDecisionKind kind) => kind switch
    {
        WarningDecisionKind.Accepted => "接受说明",
        WarningDecisionKind.SentBack => "退回说明",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// A reviewer's decision on one warning of the copy under review (the report's first round or a correction): the
/// warning's key (<see cref="WarningExplanations.KeyOf"/>), its message and the clerk's explanation as they stood, the
/// decision and its reason. Never changed once written; the audit trail records each one.
/// </summary>
public class WarningDecision
{
    public const int KeyMaxLength = 200;
    public const int MessageMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    private WarningDecision()
    {
        FindingKey = Rule = Message = Reason = ReviewerName = string.Empty;
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    /// <summary>The correction the decision was made on, or null for the report's first round.</summary>
    public int? CorrectionId { get; private set; }

    public ReportCorrection? Correction { get; private set; }

    public string FindingKey { get; private set; }

    public string Rule { get; private set; }

    public string Message { get; private set; }

    /// <summary>The clerk's explanation the decision was about, or null when there was none.</summary>
    public string? Explanation { get; private set; }

    public WarningDecisionKind Kind { get; private set; }

    public string Reason { get; private set; }

    public string? ReviewerId { get; private set; }

    public string ReviewerName { get; private set; }

    public DateTime DecidedAt { get; private set; }

    /// <summary>
    /// The keys of the warnings whose latest decision in the round of <paramref name="correctionId"/> (null: the
    /// report's first round) accepted the explanation: they lose no points in the self-check score.
    /// </summary>
    public static IReadOnlySet<string> AcceptedKeys(IEnumerable<WarningDecision> decisions, int? correctionId) =>
        decisions.Where(d => d.CorrectionId == correctionId)
            .GroupBy(d => d.FindingKey, StringComparer.Ordinal)
            .Where(g => g.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).First().Kind == WarningDecisionKind.Accepted)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    internal static WarningDecision Create(AnnualReport report, ReportCorrection? correction, Finding warning, string? explanation,
        WarningDecisionKind kind, string reason, Actor reviewer, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (warning.IsError)
        {
            throw new ReportWorkflowException("错误必须由填报员改正，不能接受或退回说明。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReportWorkflowException(kind == WarningDecisionKind.Accepted
                ? "请填写接受该说明的理由。"
                : "请填写退回该说明的理由，说明需要填报员补充或改正的地方。");
        }

        reason = reason.Trim();
        if (reason.Length > ReasonMaxLength)
        {
            throw new ReportWorkflowException($"理由最多 {ReasonMaxLength} 个字，现有 {reason.Length} 个字。");
        }

        return new WarningDecision
        {
            ReportId = report.Id,
            Correction = correction,
            CorrectionId = correction?.Id == 0 ? null : correction?.Id,
            FindingKey = Truncate(WarningExplanations.KeyOf(warning), KeyMaxLength),
            Rule = warning.Rule,
            Message = Truncate(warning.Message, MessageMaxLength),
            Explanation = explanation,
            Kind = kind,
            Reason = reason,
            ReviewerId = reviewer.UserId,
            ReviewerName = Truncate(reviewer.Name, Actor.NameMaxLength),
            DecidedAt = utcNow,
        };
    }

    /// <summary>The part of the report a warning is about, for the comment that sends it back.</summary>
    internal static string PartOf(Finding warning) =>
        warning.Table == Formats.SectionCodes.Sections && ReportParts.IsKnown(warning.Row) ? warning.Row!
        : ReportParts.IsKnown(warning.Table) ? warning.Table!
        : ReportParts.General;

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
