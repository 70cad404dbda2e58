using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Totals;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>City-wide totals (/review/totals) on real databases: the sums, who is included, the Excel download, who may see them.</summary>
public sealed class CityTotalsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static async Task<Documents.Excel.SubtreeTotals> TotalsAsync(ReviewPortal portal, int organizationId, int year)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var scopes = scope.ServiceProvider.GetRequiredService<ReviewScopes>();
        var organization = await scopes.FindAsync(organizationId);
        return await scope.ServiceProvider.GetRequiredService<CityTotals>().ForAsync(organization!, year);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task The_totals_are_the_sums_of_the_published_reports_of_the_subtree(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);

        var totals = await TotalsAsync(portal, tree.City, 2023);

        // 甲区 + 乙区 + 甲区某街道, by hand; 乙区某街道's draft (1000 everywhere) is left out.
        Assert.Equal(3, totals.Reports);
        Assert.Equal(41m, totals.Applications["newlyReceived", "naturalPerson"]);
        Assert.Equal(41m, totals.Applications["newlyReceived", "total"]);
        Assert.Equal(436.93246m, totals.ActiveDisclosure["fees", "amount"]);
        Assert.Equal(7m, totals.ReviewLitigation["litigationDirect", "total"]);
        Assert.Equal(3 * 216m, totals.ActiveDisclosure["normativeDocuments", "inForce"]);
        Assert.Equal(3 * 1717m, totals.ActiveDisclosure["licensing", "decisions"]);
        Assert.Equal(3 * 20m, totals.Applications["granted", "naturalPerson"]);

        // Every other cell: three times the demo report's figure.
        var demo = ReviewTestData.Quangang2023;
        var changed = new HashSet<string> { "newlyReceived.naturalPerson", "newlyReceived.total", "fees.amount", "litigationDirect.total" };
        foreach (var cell in FormatDefinition.For(ReportFormat.Format2021).Tables.SelectMany(t => t.Cells))
        {
            if (!changed.Contains($"{cell.Row.Code}.{cell.Column.Code}"))
            {
                Assert.Equal(3 * demo.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code], totals.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code]);
            }
        }

        Assert.Equal([$"{tree.CityName}乙区人民政府", $"{tree.CityName}甲区人民政府", "甲区某街道办事处"],
            totals.Bodies.Where(b => b.Included).Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal([("乙区某街道办事处", "草稿"), (tree.CityName, "尚未填报")],
            totals.Bodies.Where(b => !b.Included).Select(b => (b.Name, b.Status)).OrderBy(b => b.Name.Length));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_district_sums_only_its_own_subtree_and_2019_sums_leave_out_previous_and_change(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);

        var district = await TotalsAsync(portal, tree.DistrictA, 2023);
        var year2020 = await TotalsAsync(portal, tree.City, 2020);

        Assert.Equal(2, district.Reports);
        Assert.Equal(31m, district.Applications["newlyReceived", "total"]);
        Assert.Equal(2, year2020.Reports);
        Assert.Equal(15m, year2020.ActiveDisclosure["licensing", "decisions"]);
        Assert.Null(year2020.ActiveDisclosure["licensing", "previous"]);
        Assert.Null(year2020.ActiveDisclosure["fees", "change"]);
        Assert.Equal(0m, year2020.ActiveDisclosure["procurement", "amount"]);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_reviewer_sees_the_totals_in_the_official_layout_and_downloads_them_as_excel(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var client = await portal.CityReviewerAsync(tree);

        var html = await client.GetStringAsync("/review/totals?year=2023");

        Assert.Contains($"<option value=\"{tree.City}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<dd>3 份</dd>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"totals-applications-col-naturalPerson\"", html, StringComparison.Ordinal);
        Assert.Contains("data-cell=\"newlyReceived.naturalPerson\">41</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-cell=\"fees.amount\">436.93246</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">乙区某街道办事处</th><td>" + tree.Unique + "b1</td><td>草稿</td>", html, StringComparison.Ordinal);

        var page2020 = await client.GetStringAsync($"/review/totals?year=2020&org={tree.City}");
        Assert.Contains("data-cell=\"licensing.previous\"><span class=\"not-summed\">不汇总</span></td>", page2020, StringComparison.Ordinal);
        Assert.Contains("data-cell=\"licensing.decisions\">15</td>", page2020, StringComparison.Ordinal);

        var response = await client.GetAsync($"/review/totals?handler=xlsx&year=2023&org={tree.City}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{tree.CityName}2023年政府信息公开工作年度报告数据汇总.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = Sheet(workbook, "表三");
        Assert.Equal(41m, Number(sheet, "D6")); // 一、本年新收·自然人
        Assert.Equal(41m, Number(sheet, "J6")); // 一、本年新收·总计
        Assert.Contains("A8:A29", sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value)); // 三、本年度办理结果
        Assert.Equal(436.93246m, Number(Sheet(workbook, "表二"), "B16"));
        Assert.Equal(7m, Number(Sheet(workbook, "表四"), "J6"));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Only_reviewers_of_the_subtree_and_admins_see_the_totals(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        await portal.CreateUserAsync($"clerk-{tree.Unique}", PortalRoles.Clerk, tree.DistrictA);
        await portal.CreateUserAsync($"district-{tree.Unique}", PortalRoles.Reviewer, tree.DistrictB);
        await portal.CreateUserAsync($"admin-{tree.Unique}", PortalRoles.Admin, null);
        var url = $"/review/totals?year=2023&org={tree.City}";

        var anonymous = await portal.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var clerk = await portal.SignedInAsync($"clerk-{tree.Unique}");
        Assert.StartsWith("/account/denied", (await clerk.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", (await clerk.GetAsync($"/review/totals?handler=xlsx&year=2023&org={tree.DistrictA}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var district = await portal.SignedInAsync($"district-{tree.Unique}");
        Assert.StartsWith("/account/denied", (await district.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/account/denied", (await district.GetAsync($"/review/totals?handler=xlsx&year=2023&org={tree.DistrictA}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var own = await district.GetStringAsync($"/review/totals?year=2023&org={tree.DistrictB}");
        Assert.Contains("<dd>1 份</dd>", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{tree.City}\"", own, StringComparison.Ordinal);

        var admin = await portal.SignedInAsync($"admin-{tree.Unique}");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/review/totals?org=999999999")).StatusCode);
    }

    [Theory]
    [SqliteData]
    public async Task A_year_asked_for_in_error_is_said_so_and_an_archive_year_has_nothing_to_sum(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var client = await portal.CityReviewerAsync(tree);

        var wrong = await client.GetStringAsync("/review/totals?year=abc");
        var archive = await client.GetStringAsync("/review/totals?year=2018");

        Assert.Contains("年度填写有误", wrong, StringComparison.Ordinal);
        Assert.Contains("data-cell=\"newlyReceived.naturalPerson\">41</td>", wrong, StringComparison.Ordinal);
        Assert.Contains("没有统计表，无法汇总", archive, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/review/totals?handler=xlsx&year=2018")).StatusCode);
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!;
    }

    private static decimal Number(Worksheet sheet, string reference) =>
        decimal.Parse(sheet.Descendants<Cell>().Single(c => c.CellReference == reference).CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
