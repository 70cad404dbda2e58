using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Formats;

/// <summary>The official tables with their codes and labels (DESIGN §3).</summary>
public class FormatDefinitionTests
{
    private static readonly FormatDefinition F2021 = FormatDefinition.For(ReportFormat.Format2021);
    private static readonly FormatDefinition F2019 = FormatDefinition.For(ReportFormat.Format2019);

    private static string[] Codes(IEnumerable<ColumnDefinition> columns) => columns.Select(c => c.Code).ToArray();

    private static FormatDefinition Of(string format) => format == "2021" ? F2021 : F2019;

    [Fact]
    public void Format_follows_the_year()
    {
        Assert.Equal(ReportFormat.Legacy, ReportFormats.ForYear(2008));
        Assert.Equal(ReportFormat.Legacy, ReportFormats.ForYear(2018));
        Assert.Equal(ReportFormat.Format2019, ReportFormats.ForYear(2019));
        Assert.Equal(ReportFormat.Format2019, ReportFormats.ForYear(2020));
        Assert.Equal(ReportFormat.Format2021, ReportFormats.ForYear(2021));
        Assert.Equal(ReportFormat.Format2021, ReportFormats.ForYear(2024));
    }

    [Theory]
    [InlineData(ReportFormat.Legacy, "legacy")]
    [InlineData(ReportFormat.Format2019, "2019")]
    [InlineData(ReportFormat.Format2021, "2021")]
    public void Format_codes_parse_back(ReportFormat format, string code)
    {
        Assert.Equal(code, format.Code());
        Assert.True(ReportFormats.TryParse(code, out var parsed));
        Assert.Equal(format, parsed);
        Assert.Equal(format, FormatDefinition.For(format).Format);
    }

    [Theory]
    [InlineData("2020")]
    [InlineData("2018")]
    [InlineData("Legacy")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_format_codes_do_not_parse(string? code) => Assert.False(ReportFormats.TryParse(code, out _));

    [Fact]
    public void Legacy_has_no_parts_and_no_tables()
    {
        var legacy = FormatDefinition.For(ReportFormat.Legacy);
        Assert.False(legacy.HasTables);
        Assert.Empty(legacy.Parts);
        Assert.Empty(legacy.NarrativeParts);
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Six_parts_in_order_with_three_tables_and_three_required_narrative_parts(string format)
    {
        var definition = Of(format);
        Assert.Equal(["一", "二", "三", "四", "五", "六"], definition.Parts.Select(p => p.Number));
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
             "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            definition.Parts.Select(p => p.Heading));
        Assert.Equal(["activeDisclosure", "applications", "reviewLitigation"], definition.Tables.Select(t => t.Code));
        Assert.Equal(["overview", "problems", "otherMatters"], definition.NarrativeParts.Select(p => p.Code));
        Assert.All(definition.NarrativeParts, p => Assert.True(p.Required));
    }

    [Fact]
    public void Overview_guidance_of_2021_names_the_five_topics()
    {
        Assert.Equal(["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"], F2021.NarrativeParts[0].Guidance);
        Assert.Empty(F2019.NarrativeParts[0].Guidance);
    }

    // Table 二

    [Fact]
    public void Active_disclosure_2021_has_exactly_ten_cells()
    {
        var table = F2021.ActiveDisclosure;
        Assert.Equal(10, table.Cells.Count());
        Assert.Equal(["rules", "normativeDocuments", "licensing", "punishment", "coercion", "fees"], table.Rows.Select(r => r.Code));

        Assert.Equal(["made", "repealed", "inForce"], Codes(table.FindRow("rules")!.Columns));
        Assert.Equal(["made", "repealed", "inForce"], Codes(table.FindRow("normativeDocuments")!.Columns));
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], table.FindRow("rules")!.Columns.Select(c => c.Label));
        foreach (var row in new[] { "licensing", "punishment", "coercion" })
        {
            var column = Assert.Single(table.FindRow(row)!.Columns);
            Assert.Equal(("decisions", "本年处理决定数量", CellKind.Count), (column.Code, column.Label, column.Kind));
        }

        var fees = Assert.Single(table.FindRow("fees")!.Columns);
        Assert.Equal(("amount", "本年收费金额（单位：万元）", CellKind.Amount), (fees.Code, fees.Label, fees.Kind));
    }

    [Fact]
    public void Active_disclosure_2021_labels_and_article_items()
    {
        var table = F2021.ActiveDisclosure;
        Assert.Equal(["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"], table.Rows.Select(r => r.Label));
        Assert.Equal(
            ["第二十条第（一）项", "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（六）项", "第二十条第（八）项"],
            table.Rows.Select(r => r.BlockTitle));
    }

    [Fact]
    public void Active_disclosure_2019_has_exactly_twenty_two_cells()
    {
        var table = F2019.ActiveDisclosure;
        Assert.Equal(22, table.Cells.Count());
        Assert.Equal(["rules", "normativeDocuments", "licensing", "otherServices", "punishment", "coercion", "fees", "procurement"],
            table.Rows.Select(r => r.Code));
        Assert.Equal(["规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"],
            table.Rows.Select(r => r.Label));
        Assert.Equal(
            ["第二十条第（一）项", "第二十条第（一）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（六）项",
             "第二十条第（八）项", "第二十条第（九）项"],
            table.Rows.Select(r => r.BlockTitle));

        foreach (var row in new[] { "rules", "normativeDocuments" })
        {
            Assert.Equal(["newlyMade", "newlyPublished", "totalPublished"], Codes(table.FindRow(row)!.Columns));
            Assert.Equal(["本年新制作数量", "本年新公开数量", "对外公开总数量"], table.FindRow(row)!.Columns.Select(c => c.Label));
        }

        foreach (var row in new[] { "licensing", "otherServices", "punishment", "coercion" })
        {
            Assert.Equal(["previous", "change", "decisions"], Codes(table.FindRow(row)!.Columns));
            Assert.Equal(["上一年项目数量", "本年增/减", "处理决定数量"], table.FindRow(row)!.Columns.Select(c => c.Label));
            Assert.Equal([CellKind.Count, CellKind.SignedCount, CellKind.Count], table.FindRow(row)!.Columns.Select(c => c.Kind));
        }

        Assert.Equal(["previous", "change"], Codes(table.FindRow("fees")!.Columns));
        Assert.Equal(CellKind.SignedCount, table.FindRow("fees")!.FindColumn("change")!.Kind);
        Assert.Equal(["projects", "amount"], Codes(table.FindRow("procurement")!.Columns));
        Assert.Equal(["采购项目数量", "采购总金额"], table.FindRow("procurement")!.Columns.Select(c => c.Label));
        Assert.Equal([CellKind.Count, CellKind.Amount], table.FindRow("procurement")!.Columns.Select(c => c.Kind));
    }

    // Table 三

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Applications_have_the_seven_applicant_columns_in_order(string format)
    {
        var table = Of(format).Applications;
        Assert.Equal("三", table.Number);
        Assert.Equal("表三", table.MessageLabel);
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", table.Note);

        var columns = table.UniformColumns;
        Assert.Equal(["naturalPerson", "commercial", "research", "nonProfit", "legalService", "otherOrg", "total"], Codes(columns));
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], columns.Select(c => c.Label));
        Assert.Equal([null, "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", null], columns.Select(c => c.Group));
        Assert.All(columns, c => Assert.Equal(CellKind.Count, c.Kind));
        Assert.All(table.Rows, r => Assert.Equal(columns, r.Columns));
    }

    private static readonly string[] SharedApplicationRows =
    [
        "newlyReceived", "carriedOver", "granted", "partiallyGranted",
        "denied.stateSecret", "denied.prohibitedByLaw", "denied.endangersSafety", "denied.thirdPartyRights",
        "denied.internalAffairs", "denied.processInformation", "denied.enforcementFiles", "denied.inquiryMatters",
        "unavailable.notHeld", "unavailable.needsCreation", "unavailable.stillUnclear",
        "notProcessed.petition", "notProcessed.duplicate", "notProcessed.publication", "notProcessed.excessive", "notProcessed.confirmation",
    ];

    [Fact]
    public void Applications_2021_rows_split_other_handling_in_three()
    {
        string[] expected = [.. SharedApplicationRows, "otherHandling.noCorrection", "otherHandling.feeUnpaid", "otherHandling.other", "handledTotal", "carriedForward"];
        var table = F2021.Applications;
        Assert.Equal(expected, table.Rows.Select(r => r.Code));
        Assert.Equal(25 * 7, table.Cells.Count());
        Assert.Null(table.FindRow("otherHandling"));

        var other = table.Rows.Where(r => r.GroupCode == "otherHandling").ToArray();
        Assert.Equal(["noCorrection", "feeUnpaid", "other"], other.Select(r => r.LocalCode));
        Assert.All(other, r => Assert.Equal("（六）其他处理", r.GroupLabel));
        Assert.Equal(
            ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"],
            other.Select(r => r.Label));
    }

    [Fact]
    public void Applications_2019_rows_have_one_other_handling_row()
    {
        string[] expected = [.. SharedApplicationRows, "otherHandling", "handledTotal", "carriedForward"];
        var table = F2019.Applications;
        Assert.Equal(expected, table.Rows.Select(r => r.Code));
        Assert.Equal(23 * 7, table.Cells.Count());

        var other = table.FindRow("otherHandling")!;
        Assert.Null(other.GroupCode);
        Assert.Equal("（六）其他处理", other.Label);
        Assert.DoesNotContain(table.Rows, r => r.GroupCode == "otherHandling");
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Applications_labels_match_the_official_form(string format)
    {
        var table = Of(format).Applications;
        string Label(string code) => table.FindRow(code)!.Label;

        Assert.Equal("一、本年新收政府信息公开申请数量", Label("newlyReceived"));
        Assert.Equal("二、上年结转政府信息公开申请数量", Label("carriedOver"));
        Assert.Equal("（一）予以公开", Label("granted"));
        Assert.Equal("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Label("partiallyGranted"));
        Assert.Equal("（七）总计", Label("handledTotal"));
        Assert.Equal("四、结转下年度继续办理", Label("carriedForward"));
        Assert.Equal("三、本年度办理结果", table.FindRow("granted")!.SectionLabel);
        Assert.Equal("三、本年度办理结果", table.FindRow("handledTotal")!.SectionLabel);

        Assert.Equal(
            ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
             "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"],
            table.Rows.Where(r => r.GroupCode == "denied").Select(r => r.Label));
        Assert.All(table.Rows.Where(r => r.GroupCode == "denied"), r => Assert.Equal("（三）不予公开", r.GroupLabel));
        Assert.Equal(["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"],
            table.Rows.Where(r => r.GroupCode == "unavailable").Select(r => r.Label));
        Assert.All(table.Rows.Where(r => r.GroupCode == "unavailable"), r => Assert.Equal("（四）无法提供", r.GroupLabel));
        Assert.Equal(
            ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"],
            table.Rows.Where(r => r.GroupCode == "notProcessed").Select(r => r.Label));
        Assert.All(table.Rows.Where(r => r.GroupCode == "notProcessed"), r => Assert.Equal("（五）不予处理", r.GroupLabel));
    }

    [Fact]
    public void Cell_message_label_names_table_row_and_column()
    {
        var table = F2021.Applications;
        var cell = new CellDefinition(table, table.FindRow("handledTotal")!, table.FindRow("handledTotal")!.FindColumn("naturalPerson")!);
        Assert.Equal("表三（七）总计·自然人", cell.MessageLabel);

        var grouped = table.FindRow("denied.stateSecret")!;
        Assert.Equal("stateSecret", grouped.LocalCode);
        Assert.Equal("（三）不予公开1.属于国家秘密", grouped.MessageLabel);
    }

    // Table 四

    [Theory]
    [InlineData("2021")]
    [InlineData("2019")]
    public void Review_litigation_has_three_groups_of_five_columns(string format)
    {
        var table = Of(format).ReviewLitigation;
        Assert.Equal("四", table.Number);
        Assert.Equal(["review", "litigationDirect", "litigationAfterReview"], table.Rows.Select(r => r.Code));
        Assert.Equal(["行政复议", "未经复议直接起诉", "复议后起诉"], table.Rows.Select(r => r.Label));
        Assert.Equal([null, "行政诉讼", "行政诉讼"], table.Rows.Select(r => r.SectionLabel));
        Assert.Equal(15, table.Cells.Count());
        Assert.All(table.Rows, row =>
        {
            Assert.Equal(["upheld", "corrected", "other", "pending", "total"], Codes(row.Columns));
            Assert.Equal(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], row.Columns.Select(c => c.Label));
        });
    }

    [Fact]
    public void Every_row_and_column_code_is_unique_within_its_table()
    {
        foreach (var table in F2021.Tables.Concat(F2019.Tables))
        {
            Assert.Equal(table.Rows.Count, table.Rows.Select(r => r.Code).Distinct().Count());
            Assert.All(table.Rows, r => Assert.Equal(r.Columns.Count, r.Columns.Select(c => c.Code).Distinct().Count()));
        }
    }

    [Fact]
    public void All_lists_the_three_formats()
    {
        Assert.Equal(
            new[] { ReportFormat.Format2019, ReportFormat.Format2021, ReportFormat.Legacy }.Order(),
            FormatDefinition.All.Select(f => f.Format).Order());
    }
}
