using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Core.Formats;

/// <summary>
/// The official tables of 国办公开办函〔2019〕60号 and 〔2021〕30号, with their codes and labels.
/// This is the one place a table layout is written down.
/// </summary>
internal static class OfficialFormats
{
    private const string LegalPersons = "法人或其他组织";

    private static readonly IReadOnlyList<ColumnDefinition> ApplicantColumns =
    [
        new(Applicant.NaturalPerson, "自然人"),
        new(Applicant.Commercial, "商业企业", Group: LegalPersons),
        new(Applicant.Research, "科研机构", Group: LegalPersons),
        new(Applicant.NonProfit, "社会公益组织", Group: LegalPersons),
        new(Applicant.LegalService, "法律服务机构", Group: LegalPersons),
        new(Applicant.OtherOrg, "其他", Group: LegalPersons),
        new(Applicant.Total, "总计"),
    ];

    private static readonly IReadOnlyList<ColumnDefinition> ReviewColumns =
    [
        new(ReviewColumn.Upheld, "结果维持"),
        new(ReviewColumn.Corrected, "结果纠正"),
        new(ReviewColumn.Other, "其他结果"),
        new(ReviewColumn.Pending, "尚未审结"),
        new(ReviewColumn.Total, "总计"),
    ];

    private const string HandlingSection = "三、本年度办理结果";

    public const string ApplicationsNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private static IEnumerable<RowDefinition> Group(string groupCode, string groupLabel, params (string Code, string Label)[] rows) =>
        rows.Select(r => new RowDefinition
        {
            Code = $"{groupCode}.{r.Code}",
            Label = r.Label,
            Columns = ApplicantColumns,
            GroupCode = groupCode,
            GroupLabel = groupLabel,
            SectionLabel = HandlingSection,
        });

    private static RowDefinition ApplicationRowOf(string code, string label, string? section = null) => new()
    {
        Code = code,
        Label = label,
        Columns = ApplicantColumns,
        SectionLabel = section,
    };

    private static TableDefinition Applications(bool otherHandlingSplit)
    {
        var rows = new List<RowDefinition>
        {
            ApplicationRowOf(ApplicationRow.NewlyReceived, "一、本年新收政府信息公开申请数量"),
            ApplicationRowOf(ApplicationRow.CarriedOver, "二、上年结转政府信息公开申请数量"),
            ApplicationRowOf(ApplicationRow.Granted, "（一）予以公开", HandlingSection),
            ApplicationRowOf(ApplicationRow.PartiallyGranted, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", HandlingSection),
        };
        rows.AddRange(Group(ApplicationRow.Denied, "（三）不予公开",
            ("stateSecret", "1.属于国家秘密"),
            ("prohibitedByLaw", "2.其他法律行政法规禁止公开"),
            ("endangersSafety", "3.危及“三安全一稳定”"),
            ("thirdPartyRights", "4.保护第三方合法权益"),
            ("internalAffairs", "5.属于三类内部事务信息"),
            ("processInformation", "6.属于四类过程性信息"),
            ("enforcementFiles", "7.属于行政执法案卷"),
            ("inquiryMatters", "8.属于行政查询事项")));
        rows.AddRange(Group(ApplicationRow.Unavailable, "（四）无法提供",
            ("notHeld", "1.本机关不掌握相关政府信息"),
            ("needsCreation", "2.没有现成信息需要另行制作"),
            ("stillUnclear", "3.补正后申请内容仍不明确")));
        rows.AddRange(Group(ApplicationRow.NotProcessed, "（五）不予处理",
            ("petition", "1.信访举报投诉类申请"),
            ("duplicate", "2.重复申请"),
            ("publication", "3.要求提供公开出版物"),
            ("excessive", "4.无正当理由大量反复申请"),
            ("confirmation", "5.要求行政机关确认或重新出具已获取信息")));
        if (otherHandlingSplit)
        {
            rows.AddRange(Group(ApplicationRow.OtherHandling, "（六）其他处理",
                ("noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                ("feeUnpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                ("other", "3.其他")));
        }
        else
        {
            rows.Add(ApplicationRowOf(ApplicationRow.OtherHandling, "（六）其他处理", HandlingSection));
        }

        rows.Add(ApplicationRowOf(ApplicationRow.HandledTotal, "（七）总计", HandlingSection));
        rows.Add(ApplicationRowOf(ApplicationRow.CarriedForward, "四、结转下年度继续办理"));

        return new TableDefinition
        {
            Code = TableCodes.Applications,
            Number = "三",
            Title = "收到和处理政府信息公开申请情况",
            Rows = rows,
            Note = ApplicationsNote,
        };
    }

    private static TableDefinition ReviewLitigation() => new()
    {
        Code = TableCodes.ReviewLitigation,
        Number = "四",
        Title = "政府信息公开行政复议、行政诉讼情况",
        Rows =
        [
            new RowDefinition { Code = "review", Label = "行政复议", Columns = ReviewColumns },
            new RowDefinition
            {
                Code = "litigationDirect", Label = "未经复议直接起诉", Columns = ReviewColumns,
                SectionLabel = "行政诉讼", MessageName = "行政诉讼（未经复议直接起诉）",
            },
            new RowDefinition
            {
                Code = "litigationAfterReview", Label = "复议后起诉", Columns = ReviewColumns,
                SectionLabel = "行政诉讼", MessageName = "行政诉讼（复议后起诉）",
            },
        ],
    };

    private static RowDefinition DisclosureRowOf(string block, string code, string label, IReadOnlyList<ColumnDefinition> columns) => new()
    {
        Code = code,
        Label = label,
        Columns = columns,
        BlockTitle = block,
    };

    private const string Item1 = "第二十条第（一）项";
    private const string Item5 = "第二十条第（五）项";
    private const string Item6 = "第二十条第（六）项";
    private const string Item8 = "第二十条第（八）项";
    private const string Item9 = "第二十条第（九）项";
    private const string ActiveDisclosureTitle = "主动公开政府信息情况";

    private static TableDefinition ActiveDisclosure2021()
    {
        IReadOnlyList<ColumnDefinition> documents =
        [
            new(DisclosureColumn.Made, "本年制发件数"),
            new(DisclosureColumn.Repealed, "本年废止件数"),
            new(DisclosureColumn.InForce, "现行有效件数"),
        ];
        IReadOnlyList<ColumnDefinition> decisions = [new(DisclosureColumn.Decisions, "本年处理决定数量")];
        IReadOnlyList<ColumnDefinition> fees = [new(DisclosureColumn.Amount, "本年收费金额（单位：万元）", CellKind.Amount)];
        return new TableDefinition
        {
            Code = TableCodes.ActiveDisclosure,
            Number = "二",
            Title = ActiveDisclosureTitle,
            Rows =
            [
                DisclosureRowOf(Item1, DisclosureRow.Rules, "规章", documents),
                DisclosureRowOf(Item1, DisclosureRow.NormativeDocuments, "行政规范性文件", documents),
                DisclosureRowOf(Item5, DisclosureRow.Licensing, "行政许可", decisions),
                DisclosureRowOf(Item6, DisclosureRow.Punishment, "行政处罚", decisions),
                DisclosureRowOf(Item6, DisclosureRow.Coercion, "行政强制", decisions),
                DisclosureRowOf(Item8, DisclosureRow.Fees, "行政事业性收费", fees),
            ],
        };
    }

    private static TableDefinition ActiveDisclosure2019()
    {
        IReadOnlyList<ColumnDefinition> documents =
        [
            new(DisclosureColumn.NewlyMade, "本年新制作数量"),
            new(DisclosureColumn.NewlyPublished, "本年新公开数量"),
            new(DisclosureColumn.TotalPublished, "对外公开总数量"),
        ];
        IReadOnlyList<ColumnDefinition> items =
        [
            new(DisclosureColumn.Previous, "上一年项目数量") { Summable = false },
            new(DisclosureColumn.Change, "本年增/减", CellKind.SignedCount) { Summable = false },
            new(DisclosureColumn.Decisions, "处理决定数量"),
        ];
        IReadOnlyList<ColumnDefinition> fees =
        [
            new(DisclosureColumn.Previous, "上一年项目数量") { Summable = false },
            new(DisclosureColumn.Change, "本年增/减", CellKind.SignedCount) { Summable = false },
        ];
        IReadOnlyList<ColumnDefinition> procurement =
        [
            new(DisclosureColumn.Projects, "采购项目数量"),
            new(DisclosureColumn.Amount, "采购总金额", CellKind.Amount),
        ];
        return new TableDefinition
        {
            Code = TableCodes.ActiveDisclosure,
            Number = "二",
            Title = ActiveDisclosureTitle,
            Rows =
            [
                DisclosureRowOf(Item1, DisclosureRow.Rules, "规章", documents),
                DisclosureRowOf(Item1, DisclosureRow.NormativeDocuments, "规范性文件", documents),
                DisclosureRowOf(Item5, DisclosureRow.Licensing, "行政许可", items),
                DisclosureRowOf(Item5, DisclosureRow.OtherServices, "其他对外管理服务事项", items),
                DisclosureRowOf(Item6, DisclosureRow.Punishment, "行政处罚", items),
                DisclosureRowOf(Item6, DisclosureRow.Coercion, "行政强制", items),
                DisclosureRowOf(Item8, DisclosureRow.Fees, "行政事业性收费", fees),
                DisclosureRowOf(Item9, DisclosureRow.Procurement, "政府集中采购", procurement),
            ],
        };
    }

    private static IReadOnlyList<ReportPartDefinition> Parts(TableDefinition activeDisclosure, TableDefinition applications, bool is2021)
    {
        IReadOnlyList<string> overviewGuidance = is2021
            ? ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
            : [];
        IReadOnlyList<string> otherGuidance = is2021 ? ["信息处理费收取情况"] : [];
        return
        [
            new("一", "总体情况", new NarrativePartDefinition(SectionCodes.Overview, "一", "总体情况", true, overviewGuidance), null),
            new(activeDisclosure.Number, activeDisclosure.Title, null, activeDisclosure),
            new(applications.Number, applications.Title, null, applications),
            new("四", "政府信息公开行政复议、行政诉讼情况", null, ReviewLitigation()),
            new("五", "存在的主要问题及改进情况", new NarrativePartDefinition(SectionCodes.Problems, "五", "存在的主要问题及改进情况", true, []), null),
            new("六", "其他需要报告的事项", new NarrativePartDefinition(SectionCodes.OtherMatters, "六", "其他需要报告的事项", true, otherGuidance), null),
        ];
    }

    public static readonly FormatDefinition Format2021 =
        new(ReportFormat.Format2021, Parts(ActiveDisclosure2021(), Applications(otherHandlingSplit: true), is2021: true));

    public static readonly FormatDefinition Format2019 =
        new(ReportFormat.Format2019, Parts(ActiveDisclosure2019(), Applications(otherHandlingSplit: false), is2021: false));

    public static readonly FormatDefinition Legacy = new(ReportFormat.Legacy, []);
}
