using System.Text.Json.Serialization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Peers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Clerk;

/// <summary>
/// A finding as the editor shows it: the public finding's rule, severity and message, plus the key its
/// explanation is stored under and the ids of the form elements it marks.
/// </summary>
public sealed record FindingView(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("targets")] IReadOnlyList<string> Targets,
    [property: JsonPropertyName("explanationId")] string? ExplanationId,
    [property: JsonPropertyName("explanation")] string? Explanation)
{
    [JsonIgnore]
    public bool IsError => Severity == "error";

    /// <summary>
    /// An empty cell or text part: work still to do while the report is being filled, shown as a count until the
    /// clerk asks for the check or submits (the rule itself is unchanged and still blocks submission).
    /// </summary>
    [JsonPropertyName("toFill")]
    public bool IsToFill => Rule is Rules.ValuesMissing or Rules.NarrativeMissingPart;

    public static FindingView Of(Finding finding, WarningExplanations explanations)
    {
        var key = WarningExplanations.KeyOf(finding);
        return new FindingView(key, finding.Rule, finding.IsError ? "error" : "warning", finding.Message, TargetsOf(finding),
            finding.IsError ? null : DraftInput.ExplanationId(key), finding.IsError ? null : explanations.For(finding));
    }

    /// <summary>An input problem (not a number, too long) shown like an error finding.</summary>
    public static FindingView Of(InputProblem problem) =>
        new("input|" + problem.ElementId, "input", "error", problem.Message, [problem.ElementId], null, null);

    /// <summary>
    /// The form elements a finding points at: its cell; for 表三's balance, the four cells of the column
    /// that must balance; for a narrative part, its text box; nothing for findings about the whole report.
    /// </summary>
    private static IReadOnlyList<string> TargetsOf(Finding finding)
    {
        if (finding.Table == SectionCodes.Sections && finding.Row is { } part)
        {
            return [DraftInput.SectionId(part)];
        }

        if (finding is { Table: { } table, Row: { } row, Column: { } column })
        {
            return [DraftInput.CellId(table, row, column)];
        }

        if (finding is { Table: { } balanceTable, Row: null, Column: { } balanceColumn } &&
            FormatDefinition.All.Select(f => f.FindTable(balanceTable)).FirstOrDefault(t => t is not null) is { } definition)
        {
            return [.. TableSums.Balances(definition).Where(b => b.Column.Code == balanceColumn).SelectMany(b => b.Cells).Select(DraftInput.CellId)];
        }

        return [];
    }
}

/// <summary>
/// The findings of a report as its editor and lists show them: errors first, then warnings; with the self-check
/// score they come to (<see cref="ReportFindings.Draft"/>), null where nothing was checked.
/// </summary>
public sealed record DraftFindings(IReadOnlyList<FindingView> Items)
{
    public static readonly DraftFindings None = new([]);

    public SelfCheckScore? SelfCheck { get; init; }

    public int Errors => Items.Count(f => f.IsError);

    public int Warnings => Items.Count(f => !f.IsError);

    public int UnexplainedWarnings => Items.Count(f => !f.IsError && string.IsNullOrWhiteSpace(f.Explanation));

    /// <summary>Empty table cells (<c>values.missing</c>).</summary>
    public int EmptyCells => Items.Count(f => f.Rule == Rules.ValuesMissing);

    /// <summary>Empty required text parts (<c>narrative.missingPart</c>).</summary>
    public int EmptyParts => Items.Count(f => f.Rule == Rules.NarrativeMissingPart);

    /// <summary>What is left to fill, as the editor counts it: 未填 186 格，3 个部分未写; empty when nothing is.</summary>
    public string ToFillText => (EmptyCells, EmptyParts) switch
    {
        (0, 0) => string.Empty,
        (var cells, 0) => $"未填 {cells} 格",
        (0, var parts) => $"{parts} 个部分未写",
        var (cells, parts) => $"未填 {cells} 格，{parts} 个部分未写",
    };

    /// <summary>The findings without the to-fill ones (<see cref="FindingView.IsToFill"/>), as the editor shows them until the check.</summary>
    public DraftFindings WithoutToFill() => new([.. Items.Where(f => !f.IsToFill)]) { SelfCheck = SelfCheck };

    public static DraftFindings Of(ValidationReport validation, WarningExplanations explanations, IEnumerable<InputProblem>? problems = null) =>
        new([
            .. (problems ?? []).Select(FindingView.Of),
            .. validation.Errors.Select(f => FindingView.Of(f, explanations)),
            .. validation.Warnings.Select(f => FindingView.Of(f, explanations)),
        ]);

    /// <summary>The findings that mark this element (a cell, a text box).</summary>
    public IEnumerable<FindingView> For(string elementId) => Items.Where(f => f.Targets.Contains(elementId));
}

/// <summary>
/// Validates a report the way the portal means it for its clerks: against last year's report of the same
/// organization, with the organization's deadline and, while unpublished, today's date in China, with
/// the content rules' settings of the organization's subtree (<see cref="ContentRulesOptions"/>), and, where the peers
/// are looked up (<see cref="PeersAsync"/>), against other bodies' reports of the year (<c>narrative.copiedFromPeer</c>).
/// </summary>
public sealed class ReportFindings(GovInfoDbContext db, ReportValidationService validator, TimeProvider time, IOptions<ContentRulesOptions> contentRules,
    SelfCheckChecklists checklists)
{
    private List<(string Path, SubtreeContentRules Value)>? _subtrees;
    private List<(string Path, AssessmentChecklist Value)>? _checklists;
    private readonly Dictionary<string, ContentRuleSettings?> _settingsByPath = new(StringComparer.Ordinal);

    public DateOnly Today => ClerkDates.Today(time);

    public Task<AnnualReport?> LastYearAsync(AnnualReport report, CancellationToken cancellationToken = default) =>
        db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == report.OrganizationId && r.Year == report.Year - 1, cancellationToken);

    /// <summary>Other bodies' reports of the year that <paramref name="content"/> (default: what the clerk edits) may have been copied from, from the peer index.</summary>
    public Task<PeerComparison> PeersAsync(AnnualReport report, IReportContent? content = null, CancellationToken cancellationToken = default) =>
        new PeerIndex(db).FindAsync(content ?? report.UnderReview, report.OrganizationId, cancellationToken);

    /// <summary>
    /// Validates <paramref name="content"/> as the report's content; when null, what the clerk edits: the stored report,
    /// or the open correction of a published one (when loaded).
    /// </summary>
    public ValidationReport Validate(AnnualReport report, IReportContent? lastYear, IReportContent? content = null, PeerComparison? peers = null) =>
        validator.Validate(new ReportValidationContext(content ?? report.UnderReview, lastYear,
            Today: report.Status == ReportStatus.Published ? null : Today,
            OrganizationKind: report.Organization.Kind, OrganizationName: report.Organization.Name,
            OrganizationCode: report.Organization.Code, ContentRules: SettingsFor(report.Organization), Peers: peers));

    /// <summary>
    /// The settings of the subtrees the organization stands in, outermost first; null (the default) when no
    /// subtree is configured. The configured organizations' paths are read once per request.
    /// </summary>
    public ContentRuleSettings? SettingsFor(Organization organization)
    {
        var configured = contentRules.Value.Subtrees;
        if (configured.Count == 0)
        {
            return null;
        }

        if (_settingsByPath.TryGetValue(organization.Path, out var known))
        {
            return known;
        }

        _subtrees ??= Subtrees(configured.Select(s => (s.Organization, s)));

        ContentRuleSettings? settings = null;
        foreach (var (path, rules) in _subtrees)
        {
            if (path.Length > 0 && organization.Path.StartsWith(path, StringComparison.Ordinal))
            {
                settings = (settings ?? ContentRuleSettings.Default).With(rules);
            }
        }

        _settingsByPath[organization.Path] = settings;
        return settings;
    }

    /// <summary>The checklist that scores the organization's reports: its nearest configured subtree's, else the shipped default.</summary>
    public AssessmentChecklist ChecklistFor(Organization organization)
    {
        if (checklists.BySubtree.Count == 0)
        {
            return AssessmentChecklist.Default;
        }

        _checklists ??= Subtrees(checklists.BySubtree);
        var nearest = _checklists.FindLastIndex(s => s.Path.Length > 0 && organization.Path.StartsWith(s.Path, StringComparison.Ordinal));
        return nearest < 0 ? AssessmentChecklist.Default : _checklists[nearest].Value;
    }

    /// <summary>
    /// The findings as the editor and the lists show them, with the self-check score of the report's checklist;
    /// <paramref name="accepted"/>: the keys of the warnings a reviewer accepted (<see cref="WarningDecision.AcceptedKeys"/>).
    /// </summary>
    public DraftFindings Draft(AnnualReport report, ValidationReport validation, WarningExplanations explanations,
        IEnumerable<InputProblem>? problems = null, IReadOnlySet<string>? accepted = null) =>
        DraftFindings.Of(validation, explanations, problems) with { SelfCheck = ChecklistFor(report.Organization).Score(validation.Findings, accepted) };

    /// <summary>The configured organizations' paths with what is configured for them, outermost first (read once per request).</summary>
    private List<(string Path, T Value)> Subtrees<T>(IEnumerable<(string Organization, T Value)> configured)
    {
        var entries = configured.ToList();
        var codes = entries.Select(e => e.Organization).Distinct().ToArray();
        var paths = db.Organizations.AsNoTracking().Where(o => o.Code != null && codes.Contains(o.Code))
            .Select(o => new { o.Code, o.Path }).ToList();
        return [.. entries.SelectMany(e => paths.Where(p => p.Code == e.Organization).Select(p => (p.Path, e.Value))).OrderBy(e => e.Path.Length)];
    }

    /// <summary>Validates what the clerk edits with last year's report and the peers.</summary>
    public async Task<ValidationReport> ValidateAsync(AnnualReport report, CancellationToken cancellationToken = default) =>
        Validate(report, await LastYearAsync(report, cancellationToken), peers: await PeersAsync(report, cancellationToken: cancellationToken));
}
