using System.Collections.Concurrent;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>
/// One portal per provider on a fresh database with the demo data, plus reports that must never be public: a
/// draft and an approved (not yet published) report under 泉州市, whose text and figures stand out. The bodies
/// themselves are public (the tree lists every body); their reports are not.
/// </summary>
public sealed class DemoPortals : IAsyncLifetime
{
    /// <summary>A word only the unpublished reports contain.</summary>
    public const string UnpublishedWord = "鹦鹉螺";

    public const string DraftCode = "DRAFT-H5";
    public const string ApprovedCode = "APPROVED-H5";

    /// <summary>表三 newlyReceived total of the unpublished 2023 reports: large, so that a sum that took them in shows.</summary>
    public const int UnpublishedReceived = 100_000;

    private readonly DatabaseFixture _databases = new();
    private readonly ConcurrentDictionary<TestProvider, Lazy<Task<PortalFactory>>> _portals = new();

    public Task<PortalFactory> GetAsync(TestProvider provider) =>
        _portals.GetOrAdd(provider, p => new Lazy<Task<PortalFactory>>(() => CreateAsync(p))).Value;

    private async Task<PortalFactory> CreateAsync(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        var portal = new PortalFactory(database, demo: true);
        portal.CreateClient().Dispose();
        await AddUnpublishedAsync(database);
        return portal;
    }

    internal static async Task AddUnpublishedAsync(TestDatabase database)
    {
        var now = DateTime.UtcNow;
        await using var db = database.CreateContext();
        var city = await db.Organizations.SingleAsync(o => o.Code == "350500");
        var draftBody = new Organization("泉州市草稿测试局", DraftCode, OrganizationKind.Department, city);
        var approvedBody = new Organization("泉港区待发布测试局", ApprovedCode, OrganizationKind.Department, city);
        db.Organizations.AddRange(draftBody, approvedBody);

        var sections = new ReportSections($"{UnpublishedWord}：本机关依申请公开工作尚在填报。", "未发布的问题。", "未发布的事项。");
        var applications = ReportTable.Empty.With("newlyReceived", "total", UnpublishedReceived).With("newlyReceived", "naturalPerson", UnpublishedReceived);

        var draft = AnnualReport.Start(draftBody, 2023, now);
        draft.UpdateSections(sections, now);
        draft.UpdateTable("applications", applications, now);

        var approved = AnnualReport.Start(approvedBody, 2023, now);
        approved.UpdateSections(sections, now);
        approved.UpdateTable("applications", applications, now);
        approved.SignOff("测试签发人", now);
        approved.SubmitWithoutChecks(now);
        approved.Approve(now);

        db.Reports.AddRange(draft, approved);
        await db.SaveWithPathsAsync();
    }

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var portal in _portals.Values.Where(p => p.IsValueCreated))
        {
            await (await portal.Value).DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}
