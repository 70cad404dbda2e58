using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Core.Formats;

/// <summary>
/// A figure the narrative quotes for a table cell or a sum of cells, and the phrasings that quote it.
/// Patterns are .NET regular expressions over the normalized text (white space, quotation marks and
/// full-width digits removed or folded, see <c>NarrativeText</c>); <c>{n}</c> stands for the number
/// (Arabic or Chinese numerals) and <c>{f}</c> for filler words such as 共、合计、为. A pattern without
/// <c>{n}</c> states zero (未收到…申请). Money patterns end in <c>{money}</c>, the number and its unit
/// (万元 or 元).
/// </summary>
/// <param name="Name">How the message names the figure (zh-CN).</param>
/// <param name="Table">The table the figure stands in.</param>
/// <param name="Rows">Row codes, or group codes standing for every row of the group; the figure is their sum.</param>
/// <param name="Column">The column of those rows.</param>
/// <param name="Requires">A pattern the sentence must contain for the figure to count (for example 申请), or null.</param>
/// <param name="Excludes">A pattern whose presence in the sentence means the figure is about something else
/// (a hotline, letters and visits), or null.</param>
/// <param name="ClauseExcludes">A pattern whose presence in the figure's clause before it means a part or
/// another scope (其中, 部门, 清理), or null.</param>
/// <param name="OtherYearsAllowed">Whether the clause may name another year (上年结转 does by its nature).</param>
/// <param name="RequiresWithin">How many characters before the phrase <paramref name="Requires"/> must stand in;
/// null: anywhere in the sentence.</param>
public sealed record NarrativeFigure(
    string Name,
    string Table,
    IReadOnlyList<string> Rows,
    string Column,
    IReadOnlyList<string> Patterns,
    string? Requires = null,
    string? Excludes = null,
    string? ClauseExcludes = null,
    bool OtherYearsAllowed = false,
    int? RequiresWithin = null);

/// <summary>
/// The phrase-to-cell mapping of each format, written once beside <see cref="OfficialFormats"/>. Ordered:
/// a number is claimed by the first figure whose pattern quotes it. Conservative on purpose: a phrasing is
/// here only when it cannot mean anything but the table's figure; figures with no table counterpart
/// (信息条数, 访问量, 发布…条, dates, document numbers, percentages) match no pattern.
/// </summary>
public static class NarrativeFigures
{
    private const string Apply = "(?:政府信息公开|信息公开|依申请公开)?";
    private const string AboutApplications = "申请";
    private const string NotApplications = "12345|热线|专线|信访件|来信|来电|留言|咨询|诉求|提案|建议|议案|网民|办件";
    private const string PartOrScope = "其中|各单位|各部门|各镇|各乡镇|各街道|下属|所属|本级|部门";
    private const string AboutDisclosure = "信息公开|公开工作|依申请";

    /// <summary>表四's figures count only when 信息公开 stands just before them (全年办理行政复议案件120件 is the body's other work).</summary>
    private const int DisclosureDistance = 24;
    private const string Collection = "集中|清理|梳理|评估|汇编|文件库|数据库|部门|各单位|本级";

    private static readonly NarrativeFigure[] Applications =
    [
        new("本年新收和上年结转的申请", TableCodes.Applications, [ApplicationRow.NewlyReceived, ApplicationRow.CarriedOver], Applicant.Total,
            [$"(?:办理|受理|收到|处理)(?:了)?{Apply}申请{{f}}{{n}}件[（(](?:其中)?(?:含|包括|包含)上(?:一)?年(?:度)?结转"],
            AboutApplications, NotApplications, PartOrScope),
        new("本年新收申请", TableCodes.Applications, [ApplicationRow.NewlyReceived], Applicant.Total,
            [
                $"(?:新收|收到|接收|受理)(?:到)?(?:各类)?{Apply}申请{{f}}{{n}}件",
                $"(?:政府信息公开申请|依申请公开|信息公开申请)(?:方面|工作)?{{f}}(?:新收|收到|接收|受理)(?:到)?(?:申请)?{{f}}{{n}}件",
                $"(?:新收|收到|接收|受理)(?:到)?{{f}}{{n}}件{Apply}申请",
                $"未(?:收到|接到|受理)(?:过)?(?:任何)?{Apply}申请",
            ],
            AboutApplications, NotApplications, PartOrScope),
        new("上年结转的申请", TableCodes.Applications, [ApplicationRow.CarriedOver], Applicant.Total,
            ["上(?:一)?年(?:度)?结转(?:的|下来的)?(?:申请)?{f}{n}件"],
            AboutApplications, NotApplications, PartOrScope, OtherYearsAllowed: true),
        new("结转下年度继续办理的申请", TableCodes.Applications, [ApplicationRow.CarriedForward], Applicant.Total,
            [
                "结转(?:至|到)?下(?:一)?年(?:度)?(?:继续)?(?:办理)?(?:的)?(?:申请)?{f}{n}件",
                "{n}件(?:申请)?(?:需|将)?结转(?:至|到)?下(?:一)?年",
            ],
            AboutApplications, NotApplications, PartOrScope),
        new("办结的申请", TableCodes.Applications, [ApplicationRow.HandledTotal], Applicant.Total,
            [$"办结(?:了)?{Apply}(?:申请)?{{f}}{{n}}件"],
            AboutApplications, NotApplications, PartOrScope),
        new("予以公开的申请", TableCodes.Applications, [ApplicationRow.Granted], Applicant.Total,
            ["(?<!主动)(?<!主动的)予以公开(?:的)?(?:申请)?{f}{n}件", "同意公开(?:的)?(?:申请)?{f}{n}件"],
            Excludes: NotApplications),
        new("部分公开的申请", TableCodes.Applications, [ApplicationRow.PartiallyGranted], Applicant.Total,
            ["部分公开(?:的)?(?:申请)?{f}{n}件"], Excludes: NotApplications),
        new("不予公开的申请", TableCodes.Applications, [ApplicationRow.Denied], Applicant.Total,
            ["不予公开(?:的)?(?:申请)?{f}{n}件"], Excludes: NotApplications),
        new("无法提供的申请", TableCodes.Applications, [ApplicationRow.Unavailable], Applicant.Total,
            ["无法提供(?:的)?(?:申请)?{f}{n}件"], Excludes: NotApplications),
        new("不予处理的申请", TableCodes.Applications, [ApplicationRow.NotProcessed], Applicant.Total,
            ["不予处理(?:的)?(?:申请)?{f}{n}件"], Excludes: NotApplications),
        new("其他处理的申请", TableCodes.Applications, [ApplicationRow.OtherHandling], Applicant.Total,
            ["其他处理(?:的)?(?:申请)?{f}{n}件"], Excludes: NotApplications),
    ];

    private static readonly NarrativeFigure[] ReviewLitigation =
    [
        new("行政诉讼（未经复议直接起诉）", TableCodes.ReviewLitigation, ["litigationDirect"], ReviewColumn.Total,
            ["直接(?:提起行政诉讼|起诉)(?:的)?(?:案件)?{f}{n}(?:件|起|宗)"], AboutDisclosure, ClauseExcludes: PartOrScope, RequiresWithin: DisclosureDistance),
        new("行政诉讼（复议后起诉）", TableCodes.ReviewLitigation, ["litigationAfterReview"], ReviewColumn.Total,
            ["复议后(?:提起行政诉讼|起诉)(?:的)?(?:案件)?{f}{n}(?:件|起|宗)"], AboutDisclosure, ClauseExcludes: PartOrScope, RequiresWithin: DisclosureDistance),
        new("行政复议", TableCodes.ReviewLitigation, ["review"], ReviewColumn.Total,
            ["行政复议(?:案件|申请)?{f}{n}(?:件|起|宗)", "(?:未发生|没有发生|未收到|未被申请)[^，,。；;]{0,12}?行政复议"],
            AboutDisclosure, ClauseExcludes: PartOrScope, RequiresWithin: DisclosureDistance),
        new("行政诉讼", TableCodes.ReviewLitigation, ["litigationDirect", "litigationAfterReview"], ReviewColumn.Total,
            ["行政诉讼(?:案件)?{f}{n}(?:件|起|宗)", "(?:未发生|没有发生|未被提起)[^，,。；;]{0,16}?行政诉讼"],
            AboutDisclosure, ClauseExcludes: PartOrScope, RequiresWithin: DisclosureDistance),
    ];

    private static NarrativeFigure[] Decisions(string column) =>
    [
        new("行政许可处理决定", TableCodes.ActiveDisclosure, [DisclosureRow.Licensing], column,
            ["行政许可(?:处理)?决定(?:书)?{f}{n}(?:件|个|项)", "(?:作出|做出)(?:了)?行政许可(?:决定)?{f}{n}件"], ClauseExcludes: Collection),
        new("行政处罚处理决定", TableCodes.ActiveDisclosure, [DisclosureRow.Punishment], column,
            ["行政处罚(?:处理)?决定(?:书)?{f}{n}(?:件|个|项)", "(?:作出|做出)(?:了)?行政处罚(?:决定)?{f}{n}件"], ClauseExcludes: Collection),
        new("行政强制处理决定", TableCodes.ActiveDisclosure, [DisclosureRow.Coercion], column,
            ["行政强制(?:处理)?决定(?:书)?{f}{n}(?:件|个|项)", "(?:作出|做出)(?:了)?行政强制(?:决定)?{f}{n}件"], ClauseExcludes: Collection),
    ];

    private static readonly NarrativeFigure[] Disclosure2021 =
    [
        new("本年制发的规章", TableCodes.ActiveDisclosure, [DisclosureRow.Rules], DisclosureColumn.Made,
            ["(?:制发|制定|出台)(?:了)?(?:政府)?规章{f}{n}件"], ClauseExcludes: Collection),
        new("本年废止的规章", TableCodes.ActiveDisclosure, [DisclosureRow.Rules], DisclosureColumn.Repealed,
            ["废止(?:了)?(?:政府)?规章{f}{n}件"], ClauseExcludes: Collection),
        new("现行有效的规章", TableCodes.ActiveDisclosure, [DisclosureRow.Rules], DisclosureColumn.InForce,
            ["现行有效(?:的)?(?:政府)?规章{f}{n}件"], ClauseExcludes: Collection),
        new("本年制发的行政规范性文件", TableCodes.ActiveDisclosure, [DisclosureRow.NormativeDocuments], DisclosureColumn.Made,
            ["(?:制发|制定|出台|印发)(?:了)?(?:行政)?规范性文件{f}{n}件"], ClauseExcludes: Collection),
        new("本年废止的行政规范性文件", TableCodes.ActiveDisclosure, [DisclosureRow.NormativeDocuments], DisclosureColumn.Repealed,
            ["废止(?:了)?(?:行政)?规范性文件{f}{n}件"], ClauseExcludes: Collection),
        new("现行有效的行政规范性文件", TableCodes.ActiveDisclosure, [DisclosureRow.NormativeDocuments], DisclosureColumn.InForce,
            ["现行有效(?:的)?(?:行政)?规范性文件{f}{n}件"], ClauseExcludes: Collection),
        .. Decisions(DisclosureColumn.Decisions),
        new("行政事业性收费金额", TableCodes.ActiveDisclosure, [DisclosureRow.Fees], DisclosureColumn.Amount,
            ["行政事业性收费(?:金额|总额|收入)?{f}{money}"], ClauseExcludes: Collection),
    ];

    private static readonly NarrativeFigure[] Disclosure2019 =
    [
        new("本年新制作的规章", TableCodes.ActiveDisclosure, [DisclosureRow.Rules], DisclosureColumn.NewlyMade,
            ["(?:新制作|制发|制定|出台)(?:了)?(?:政府)?规章{f}{n}件"], ClauseExcludes: Collection),
        new("本年新制作的规范性文件", TableCodes.ActiveDisclosure, [DisclosureRow.NormativeDocuments], DisclosureColumn.NewlyMade,
            ["(?:新制作|制发|制定|出台|印发)(?:了)?(?:行政)?规范性文件{f}{n}件"], ClauseExcludes: Collection),
        new("本年新公开的规范性文件", TableCodes.ActiveDisclosure, [DisclosureRow.NormativeDocuments], DisclosureColumn.NewlyPublished,
            ["新公开(?:了)?(?:行政)?规范性文件{f}{n}件"], ClauseExcludes: Collection),
        .. Decisions(DisclosureColumn.Decisions),
    ];

    /// <summary>The 2021 format (国办公开办函〔2021〕30号).</summary>
    public static IReadOnlyList<NarrativeFigure> Format2021 { get; } = [.. Applications, .. ReviewLitigation, .. Disclosure2021];

    /// <summary>The 2019 format (国办公开办函〔2019〕60号).</summary>
    public static IReadOnlyList<NarrativeFigure> Format2019 { get; } = [.. Applications, .. ReviewLitigation, .. Disclosure2019];

    /// <summary>The figures of a format; none for legacy reports, which have no tables to compare with.</summary>
    public static IReadOnlyList<NarrativeFigure> For(ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => Format2021,
        ReportFormat.Format2019 => Format2019,
        _ => [],
    };
}
