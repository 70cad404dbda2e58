using System.Net;
using System.Text;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Security;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// Each state-changing endpoint takes a body up to its own limit (<see cref="RequestLimits"/>): one byte more is
/// 413 with a zh-CN page or problem+json, before anything reads it, while the largest real input still passes.
/// </summary>
public sealed class RequestSizeLimitsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>A form whose body is one byte over <paramref name="limit"/>.</summary>
    private static ByteArrayContent FormOver(long limit)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("x=" + new string('a', (int)limit - 1)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    private static async Task AssertPageRefusedAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{what}: {(int)response.StatusCode}");
        Assert.Contains("提交的内容超过了允许的大小", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertApiRefusedAsync(HttpResponseMessage response, long limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("请求内容过大", problem.GetProperty("title").GetString());
        Assert.Contains($"超过了此处允许的 {GovInfoPortal.Web.Archive.ArchivePdf.SizeText(limit)}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_of_endpoint_refuses_a_body_over_its_own_limit_with_413()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var (portal, city, street) = await InputLimitsTests.PortalAsync(database);
        await using var _ = portal;
        var submitted = await portal.CreateReportAsync(street.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var draft = await portal.CreateReportAsync(city.Id, 2025);
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, city.Id);
        var anonymous = portal.Session().Client;

        // The API: problem+json naming the limit.
        using (var document = new ByteArrayContent(new byte[RequestLimits.Document + 1]))
        {
            document.Headers.ContentType = new("application/json");
            await AssertApiRefusedAsync(await anonymous.PostAsync("/api/v1/validate", document), RequestLimits.Document);
        }

        var comment = new ByteArrayContent(new byte[RequestLimits.TextForm + 1]);
        comment.Headers.ContentType = new("application/json");
        await AssertApiRefusedAsync(await reviewer.Client.PostAsync($"/api/v1/review/reports/{submitted}/comments", comment), RequestLimits.TextForm);

        // The pages: the zh-CN error page.
        await AssertPageRefusedAsync(await anonymous.PostAsync("/account/login", FormOver(RequestLimits.ShortForm)), "sign-in");
        await AssertPageRefusedAsync(await clerk.Client.PostAsync("/account/password", FormOver(RequestLimits.ShortForm)), "password");
        await AssertPageRefusedAsync(await reviewer.Client.PostAsync($"/review/reports/{submitted}/comment", FormOver(RequestLimits.TextForm)), "comment");
        await AssertPageRefusedAsync(await reviewer.Client.PostAsync($"/review/reports/{submitted}/approve", FormOver(RequestLimits.TextForm)), "approve");
        await AssertPageRefusedAsync(await admin.Client.PostAsync("/admin/organizations", FormOver(RequestLimits.TextForm)), "organization");
        await AssertPageRefusedAsync(await admin.Client.PostAsync("/admin/users/new", FormOver(RequestLimits.TextForm)), "user");
        await AssertPageRefusedAsync(await clerk.Client.PostAsync($"/clerk/reports/{draft}/edit", FormOver(RequestLimits.EditorForm)), "editor");
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(new byte[RequestLimits.DocumentUpload]), "file", "report.json" } })
        {
            await AssertPageRefusedAsync(await clerk.Client.PostAsync($"/clerk/reports/{draft}/import", upload), "import");
        }

        Assert.Equal(ReportStatus.Submitted, (await portal.ReportAsync(submitted)).Status);
        Assert.Equal(0, (await portal.ReportAsync(draft)).Version);
    }

    [Fact]
    public async Task The_largest_real_inputs_fit_their_limits()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var (portal, city, street) = await InputLimitsTests.PortalAsync(database);
        await using var _ = portal;
        var submitted = await portal.CreateReportAsync(street.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var draft = await portal.CreateReportAsync(city.Id, 2025);
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, city.Id);

        // A comment of the longest length, all CJK (nine bytes a character once percent-encoded).
        var longest = new string('意', InputLimits.CommentMaxLength);
        var commented = await reviewer.PostAsync($"/review/reports/{submitted}/comment", ("CommentPart", ReportParts.Overview), ("CommentText", longest));
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);

        // A full report: every narrative part at its longest, every cell.
        var fields = DraftForms.Clean(0)
            .Select(f => f.Key.StartsWith(DraftInput.SectionField(string.Empty), StringComparison.Ordinal)
                ? new KeyValuePair<string, string>(f.Key, new string('文', InputLimits.NarrativeMaxLength))
                : f)
            .ToList();
        Assert.Equal(InputLimits.NarrativeParts, FormatDefinition.For(ReportFormat.Format2021).NarrativeParts.Count);
        var saved = await clerk.PostAsync($"/clerk/reports/{draft}/edit", fields);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, saved.StatusCode);
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)saved.StatusCode}");
        Assert.Equal(InputLimits.NarrativeMaxLength, (await portal.ReportAsync(draft)).Sections.Overview?.Length);
    }
}
