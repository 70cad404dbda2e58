using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Documents.Tests;

/// <summary>
/// The shared sample reports (<see cref="SampleReports"/>) as the portal stores them (with the codes and
/// kinds of their bodies), the legacy report the demo ships, and variants for the cases they lack.
/// </summary>
internal static class TestReports
{
    private static readonly Lazy<ReportDocument> Quangang = new(() => Stored(SampleReports.Quangang2023, "350505", OrganizationKind.PeoplesGovernment));

    private static readonly Lazy<ReportDocument> Xiyuan = new(() => Stored(SampleReports.Xiyuan2020, "350582003", OrganizationKind.Township));

    private static readonly Lazy<ReportDocument> Qingyang = new(() =>
        DemoDataSeeder.DemoReports().Single(d => d.Organization.Code == "350582001") with { SignedBy = "吴靖宇" });

    /// <summary>泉港区 2023 (format 2021), with the figures the body published.</summary>
    public static ReportDocument Quangang2023 => Quangang.Value;

    /// <summary>西园街道 2020 (format 2019), not dated.</summary>
    public static ReportDocument Xiyuan2020 => Xiyuan.Value;

    /// <summary>青阳街道 2018 (legacy archive, the demo's: no sample file has one), with the 签发人 the stored report carries.</summary>
    public static ReportDocument Qingyang2018 => Qingyang.Value;

    private static ReportDocument Stored(ReportDocument sample, string code, OrganizationKind kind) =>
        sample with { Organization = sample.Organization with { Code = code, Kind = kind } };

    public static ReportDocument ByCode(string code) => code switch
    {
        "350505" => Quangang2023,
        "350582003" => Xiyuan2020,
        "350582001" => Qingyang2018,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static IEnumerable<object[]> Codes => [["350505"], ["350582003"], ["350582001"]];

    /// <summary>A 2021 report whose tables are blank but for a few cells, as a draft being filled in.</summary>
    public static ReportDocument WithEmptyCells => new()
    {
        Organization = new OrganizationRef("晋江市安海镇人民政府", "350582100", "晋江市"),
        Year = 2024,
        Format = ReportFormat.Format2021,
        Sections = new ReportSections("本年度总体情况。", null, null),
        Applications = ReportTable.Empty.With("newlyReceived", "naturalPerson", 7),
        ReviewLitigation = ReportTable.Empty.With("review", "total", 2),
    };

    /// <summary>An overview with sub-parts at the second to fourth levels, one of them run into its paragraph.</summary>
    public const string OverviewWithSubParts =
        "本年度，区政府围绕五个方面推进政务公开工作。\n" +
        "（一）主动公开\n" +
        "全年主动公开政府信息3521条。\n" +
        "（二）依申请公开。全年收到申请26件，均按期答复。\n" +
        "1.办理流程\n" +
        "（1）登记环节\n" +
        "　　严格执行登记制度。\n";

    public static ReportDocument QuangangWithSubParts =>
        Quangang2023 with { Sections = Quangang2023.Sections with { Overview = OverviewWithSubParts }, SignedBy = "林某" };
}
