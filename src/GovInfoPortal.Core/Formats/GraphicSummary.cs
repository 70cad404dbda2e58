using System.Globalization;
using GovInfoPortal.Core.Domain;
using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Core.Formats;

/// <summary>
/// One figure of the 图解: its value this year and, when last year's report has the same cell, last year's.
/// <see cref="Cells"/> names the cells it adds up (one cell, or a group's sub-rows) by their codes.
/// </summary>
public sealed record SummaryFigure(string Label, decimal? Value, decimal? Previous, CellKind Kind, IReadOnlyList<CellRef> Cells)
{
    /// <summary>This year's value less last year's, or null when either is unknown.</summary>
    public decimal? Change => Value is { } value && Previous is { } previous ? value - previous : null;

    /// <summary>A value as the 图解 shows it: 1,717 (counts), 435.18 (amounts), — when unknown.</summary>
    public static string Format(decimal? value, CellKind kind = CellKind.Count) => value switch
    {
        null => GraphicSummary.Unknown,
        { } v when kind == CellKind.Amount => v.ToString("#,0.00##", CultureInfo.InvariantCulture),
        { } v => v.ToString("#,0.####", CultureInfo.InvariantCulture),
    };

    /// <summary>The change as the 图解 shows it: +3, -2, 0, or — when there is nothing to compare.</summary>
    public static string FormatChange(decimal? change, CellKind kind = CellKind.Count) => change switch
    {
        null => GraphicSummary.Unknown,
        > 0 => "+" + Format(change, kind),
        < 0 => "-" + Format(-change, kind),
        _ => "0",
    };

    public string ValueText => Format(Value, Kind);

    public string PreviousText => Format(Previous, Kind);

    public string ChangeText => FormatChange(Change, Kind);
}

/// <summary>One chart of the 图解: a titled group of figures.</summary>
/// <param name="Code">A stable code for ids and tests (disclosure, requests, outcomes, review, litigation).</param>
/// <param name="Unit">What the figures count (件, 项), shown in the chart's text alternative.</param>
public sealed record SummaryGroup(string Code, string Title, string Unit, IReadOnlyList<SummaryFigure> Figures)
{
    /// <summary>The text alternative of the group's chart: every figure, and last year's where known.</summary>
    public string Describe(int year, int? previousYear)
    {
        var parts = Figures.Select(f =>
            previousYear is { } last && f.Previous is not null
                ? $"{f.Label} {f.ValueText}（{last}年 {f.PreviousText}，增减 {f.ChangeText}）"
                : $"{f.Label} {f.ValueText}");
        return $"{year}年{Title}：{string.Join("；", parts)}。";
    }
}

/// <summary>
/// The figures of a report's 图解 (graphic summary), read from its tables through the format definition:
/// table 二's counts and amounts (主动公开), table 三's 新收 and 上年结转 and its outcome rows (（一）予以公开 …
/// （六）其他处理, 结转下年度继续办理; a group counts its sub-rows), table 四's 行政复议 and 行政诉讼 (its two rows
/// together) by outcome, and the 公开率. With last year's report, each figure also carries last year's value where that
/// report's format has the same cells. A legacy report has no tables and no 图解.
/// </summary>
public sealed class GraphicSummary
{
    /// <summary>How the 图解 shows an unknown value or change.</summary>
    public const string Unknown = "—";

    private GraphicSummary(int year, ReportFormat format, int? previousYear, IReadOnlyList<SummaryGroup> groups, IndicatorValue disclosureRate, IndicatorValue? previousRate)
    {
        Year = year;
        Format = format;
        PreviousYear = previousYear;
        Groups = groups;
        DisclosureRate = disclosureRate;
        PreviousDisclosureRate = previousRate;
    }

    public int Year { get; }

    public ReportFormat Format { get; }

    /// <summary>The year of the report compared with, or null when there is none (no change is shown).</summary>
    public int? PreviousYear { get; }

    public bool HasPrevious => PreviousYear is not null;

    /// <summary>The charts, in order: disclosure, requests, outcomes, review, litigation.</summary>
    public IReadOnlyList<SummaryGroup> Groups { get; }

    public IndicatorValue DisclosureRate { get; }

    public IndicatorValue? PreviousDisclosureRate { get; }

    public SummaryGroup Group(string code) => Groups.Single(g => g.Code == code);

    public const string DisclosureGroup = "disclosure";
    public const string RequestsGroup = "requests";
    public const string OutcomesGroup = "outcomes";
    public const string ReviewGroup = "review";
    public const string LitigationGroup = "litigation";

    /// <summary>
    /// The 图解 of a report, compared with <paramref name="previous"/> when that is the same body's report of the year
    /// before and has tables; null for a legacy report.
    /// </summary>
    public static GraphicSummary? Of(IReportContent report, IReportContent? previous)
    {
        ArgumentNullException.ThrowIfNull(report);
        var definition = FormatDefinition.For(report.Format);
        if (!definition.HasTables)
        {
            return null;
        }

        if (previous is not null && (previous.Year != report.Year - 1 || !FormatDefinition.For(previous.Format).HasTables))
        {
            previous = null;
        }

        var last = previous is null ? null : FormatDefinition.For(previous.Format);
        // The cells of a figure in a format: a group's sub-rows differ between formats (（六）其他处理 is one row in 2019).
        SummaryFigure Figure(string label, CellKind kind, Func<FormatDefinition, IReadOnlyList<CellRef>> cells) =>
            new(label, Sum(report, definition, cells(definition)), previous is null ? null : Sum(previous, last!, cells(last!)), kind, cells(definition));

        var disclosure = definition.ActiveDisclosure.Rows
            .SelectMany(row => row.Columns
                .Where(column => column.Summable && column.Kind != CellKind.SignedCount)
                .Select(column => Figure($"{row.Label}·{ShortColumn(column.Label)}", column.Kind,
                    _ => [new CellRef(TableCodes.ActiveDisclosure, row.Code, column.Code)])))
            .ToArray();

        var applications = definition.Applications;
        SummaryFigure Applications(string code, string label) => Figure(label, CellKind.Count, format =>
            [.. format.Applications.Rows.Where(r => r.Code == code || r.GroupCode == code).Select(r => new CellRef(TableCodes.Applications, r.Code, Applicant.Total))]);

        var requests = new[]
        {
            Applications(ApplicationRow.NewlyReceived, "本年新收"),
            Applications(ApplicationRow.CarriedOver, "上年结转"),
        };
        var outcomes = new[] { ApplicationRow.Granted, ApplicationRow.PartiallyGranted, ApplicationRow.Denied, ApplicationRow.Unavailable, ApplicationRow.NotProcessed, ApplicationRow.OtherHandling }
            .Select(code => Applications(code, OutcomeLabel(applications, code)))
            .Append(Applications(ApplicationRow.CarriedForward, "结转下年度继续办理"))
            .ToArray();

        var reviewTable = definition.ReviewLitigation;
        SummaryFigure[] Review(params string[] rows) =>
        [
            .. reviewTable.UniformColumns.Select(column => Figure(column.Label, CellKind.Count,
                _ => [.. rows.Select(row => new CellRef(TableCodes.ReviewLitigation, row, column.Code))])),
        ];

        var groups = new[]
        {
            new SummaryGroup(DisclosureGroup, "主动公开", "件", disclosure),
            new SummaryGroup(RequestsGroup, "收到政府信息公开申请", "件", requests),
            new SummaryGroup(OutcomesGroup, "申请办理结果", "件", outcomes),
            new SummaryGroup(ReviewGroup, "行政复议", "件", Review(Indicators.ReviewRow)),
            new SummaryGroup(LitigationGroup, "行政诉讼", "件", Review(Indicators.LitigationDirectRow, Indicators.LitigationAfterReviewRow)),
        };
        var rate = Indicators.Find(Indicators.DisclosureRate)!;
        return new GraphicSummary(report.Year, report.Format, previous?.Year, groups,
            rate.Compute(report.Table), previous is null ? null : rate.Compute(previous.Table));
    }

    /// <summary>The sum of the cells the format has, or null when a cell is empty or the format has none of them.</summary>
    private static decimal? Sum(IReportContent report, FormatDefinition definition, IReadOnlyList<CellRef> cells)
    {
        decimal sum = 0;
        var any = false;
        foreach (var cell in cells)
        {
            if (definition.FindTable(cell.Table) is not { } table || table.IndexOf(cell.Row, cell.Column) < 0)
            {
                continue;
            }

            if (report.Table(cell.Table)[cell.Row, cell.Column] is not { } value)
            {
                return null;
            }

            sum += value;
            any = true;
        }

        return any ? sum : null;
    }

    /// <summary>（二）部分公开（区分处理的，…）→ 部分公开; a group's label without its number.</summary>
    private static string OutcomeLabel(TableDefinition applications, string code)
    {
        var row = applications.Rows.First(r => r.Code == code || r.GroupCode == code);
        var label = row.GroupCode == code ? row.GroupLabel! : row.Label;
        var start = label.StartsWith('（') ? label.IndexOf('）', StringComparison.Ordinal) + 1 : 0;
        var end = label.IndexOf('（', start);
        return end < 0 ? label[start..] : label[start..end];
    }

    /// <summary>本年收费金额（单位：万元） → 本年收费金额（万元）.</summary>
    private static string ShortColumn(string label) => label.Replace("（单位：", "（", StringComparison.Ordinal);

    /// <summary>The text alternative of the whole 图解.</summary>
    public string Describe(string title) =>
        $"{title}图解。" + string.Concat(Groups.Select(g => g.Describe(Year, PreviousYear))) +
        $"公开率 {DisclosureRate.Display}" + (PreviousDisclosureRate is { } last ? $"（{PreviousYear}年 {last.Display}）" : string.Empty) + "。";
}
