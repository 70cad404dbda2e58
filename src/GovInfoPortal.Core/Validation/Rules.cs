namespace GovInfoPortal.Core.Validation;

/// <summary>A validation rule: its stable code, its severity and what it checks (zh-CN, for help pages).</summary>
public sealed record RuleInfo(string Code, FindingSeverity Severity, string Description);

/// <summary>The rule codes. A public contract: documented, tested, never renamed silently.</summary>
public static class Rules
{
    public const string ValuesMissing = "values.missing";
    public const string ValuesInvalid = "values.invalid";
    public const string FormatMismatch = "format.mismatch";
    public const string ApplicationsRowTotal = "applications.rowTotal";
    public const string ApplicationsHandledTotal = "applications.handledTotal";
    public const string ApplicationsBalance = "applications.balance";
    public const string ReviewLitigationGroupTotal = "reviewLitigation.groupTotal";
    public const string CrossYearCarriedOver = "crossYear.carriedOver";
    public const string CrossYearInForce = "crossYear.inForce";
    public const string CrossYearPreviousCount = "crossYear.previousCount";
    public const string PublicationLate = "publication.late";
    public const string NarrativeMissingPart = "narrative.missingPart";
    public const string NarrativeCopiedFromLastYear = "narrative.copiedFromLastYear";
    public const string NarrativeFigureMismatch = "narrative.figureMismatch";
    public const string ProblemsGeneric = "problems.generic";
    public const string ProblemsNoRectification = "problems.noRectification";
    public const string OtherMattersFeeStatementMissing = "otherMatters.feeStatementMissing";
    public const string OverviewMissingAspect = "overview.missingAspect";
    public const string OverviewTooLong = "overview.tooLong";
    public const string OverviewMissingFigure = "overview.missingFigure";
    public const string ActiveDisclosureRulesWithoutPower = "activeDisclosure.rulesWithoutPower";
    public const string ActiveDisclosureFeeUnit = "activeDisclosure.feeUnit";
    public const string CrossYearSpike = "crossYear.spike";
    public const string ValidationRuleFailed = "validation.ruleFailed";
    public const string NarrativeCopiedFromPeer = "narrative.copiedFromPeer";

    public static readonly IReadOnlyList<RuleInfo> All =
    [
        new(ValuesMissing, FindingSeverity.Error, "表格单元格未填写（数值为零时应填写 0）"),
        new(ValuesInvalid, FindingSeverity.Error, "数量为负数或不是整数（2019年版“本年增/减”可为负数）"),
        new(FormatMismatch, FindingSeverity.Error, "报告所用格式与报告年度不符"),
        new(ApplicationsRowTotal, FindingSeverity.Error, "表三某行“总计”不等于六类申请人之和"),
        new(ApplicationsHandledTotal, FindingSeverity.Error, "表三某列“（七）总计”不等于（一）至（六）各项之和"),
        new(ApplicationsBalance, FindingSeverity.Error, "表三某列“一”加“二”不等于“（七）总计”加“四”"),
        new(ReviewLitigationGroupTotal, FindingSeverity.Error, "表四某项“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和"),
        new(CrossYearCarriedOver, FindingSeverity.Warning, "表三“上年结转”与上一年度报告“结转下年度继续办理”不一致"),
        new(CrossYearInForce, FindingSeverity.Warning, "表二“现行有效件数”不等于上年现行有效件数加本年制发件数减本年废止件数"),
        new(CrossYearPreviousCount, FindingSeverity.Warning, "表二“上一年项目数量”不等于上一年度报告的上一年项目数量加本年增/减"),
        new(PublicationLate, FindingSeverity.Warning, "报告发布（或应发布）日期晚于规定期限"),
        new(NarrativeMissingPart, FindingSeverity.Error, "报告必需的文字部分未填写"),
        new(NarrativeCopiedFromLastYear, FindingSeverity.Warning, "文字部分与上一年度报告大部分相同"),
        new(NarrativeFigureMismatch, FindingSeverity.Warning, "文字部分所述数字与表格中的数字不一致"),
        new(ProblemsGeneric, FindingSeverity.Warning, "“五、存在的主要问题及改进情况”内容空泛，未写明具体问题"),
        new(ProblemsNoRectification, FindingSeverity.Warning, "上一年度报告写明了存在的问题，本年度“五”未说明其整改情况"),
        new(OtherMattersFeeStatementMissing, FindingSeverity.Warning, "2021年起“六、其他需要报告的事项”未说明信息处理费收取情况"),
        new(OverviewMissingAspect, FindingSeverity.Warning, "2021年起“一、总体情况”未涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障之一"),
        new(OverviewTooLong, FindingSeverity.Warning, "“一、总体情况”超过本地区规定的篇幅"),
        new(OverviewMissingFigure, FindingSeverity.Warning, "“一、总体情况”未写明本地区要求的数据"),
        new(ActiveDisclosureRulesWithoutPower, FindingSeverity.Warning, "无规章制定权的机关填报了规章件数"),
        new(ActiveDisclosureFeeUnit, FindingSeverity.Warning, "行政事业性收费金额疑似按元填写（表中单位为万元）"),
        new(CrossYearSpike, FindingSeverity.Warning, "某项总数与上一年度相比增减五倍以上"),
        new(ValidationRuleFailed, FindingSeverity.Warning, "某项检查未能完成，须人工核对"),
        new(NarrativeCopiedFromPeer, FindingSeverity.Warning, "文字部分（除去通用表述）与其他单位同年度报告的同一部分大部分相同"),
    ];

    private static readonly Dictionary<string, FindingSeverity> Severities = All.ToDictionary(r => r.Code, r => r.Severity);

    public static FindingSeverity SeverityOf(string code) =>
        Severities.TryGetValue(code, out var severity) ? severity
        : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown rule.");
}
