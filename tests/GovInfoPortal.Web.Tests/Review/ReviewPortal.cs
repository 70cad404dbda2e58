using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// The portal for the review tests: signed-in users over plain http (the Testing environment), exports kept
/// in a folder of its own, and a worker that polls often (or none, when a test drives the workers itself).
/// </summary>
public sealed class ReviewPortal(TestDatabase database, bool runWorker = true) : PortalFactory(database, demo: false)
{
    public string StoragePath { get; } = Path.Combine(Path.GetTempPath(), "govinfo-export-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(AccountsSetup.TestingEnvironment);
        builder.UseSetting("Storage:Path", StoragePath);
        builder.UseSetting("Exports:RunWorker", runWorker.ToString());
        builder.UseSetting("Exports:PollInterval", "00:00:00.200");
        builder.UseSetting("Exports:ProgressInterval", "00:00:00");
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as the user (the login form, with its antiforgery token).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Client();
        await SignIns.SignedInAsync(client, userName, ReviewTestData.Password);
        return client;
    }

    /// <summary>A client signed in as the reviewer of the whole subtree (<c>reviewer-…</c>, created here).</summary>
    public async Task<HttpClient> CityReviewerAsync(ReviewSubtree tree)
    {
        await CreateUserAsync(CityReviewer(tree), PortalRoles.Reviewer, tree.City);
        return await SignedInAsync(CityReviewer(tree));
    }

    public static string CityReviewer(ReviewSubtree tree) => $"reviewer-{tree.Unique}";

    public async Task CreateUserAsync(string userName, string role, int? organizationId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await users.CreateAsync(new NewUser(userName, userName, role, organizationId, ReviewTestData.Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(StoragePath))
        {
            Directory.Delete(StoragePath, recursive: true);
        }
    }
}

/// <summary>The organizations of one review test: a city with two districts, a street under the first and one under the second.</summary>
public sealed record ReviewSubtree(string Unique, int City, string CityName, int DistrictA, int DistrictB, int StreetA, int StreetB);

/// <summary>
/// A small subtree with hand-picked figures: for 2023, 甲区, 乙区 and 甲区某街道 published (their sums are
/// easy to add up by hand) and 乙区某街道 a draft (which the totals must leave out); for 2020, 甲区 and
/// 乙区 published in the 2019 format.
/// </summary>
public static class ReviewTestData
{
    public const string Password = "Review#2026x";

    private static readonly DateTime Now = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    public static ReportDocument Quangang2023 => DemoDataSeeder.DemoReports().Single(d => d.Organization.Code == "350505");

    public static ReportDocument Xiyuan2020 => DemoDataSeeder.DemoReports().Single(d => d.Organization.Code == "350582003");

    /// <summary>The 2023 figures of a body: the demo report's, with a few cells changed.</summary>
    public static ReportDocument Report2023(decimal newlyReceived, decimal fees, decimal litigationTotal) => Quangang2023 with
    {
        Applications = Quangang2023.Applications.With("newlyReceived", "naturalPerson", newlyReceived).With("newlyReceived", "total", newlyReceived),
        ActiveDisclosure = Quangang2023.ActiveDisclosure.With("fees", "amount", fees),
        ReviewLitigation = Quangang2023.ReviewLitigation.With("litigationDirect", "total", litigationTotal),
    };

    public static ReportDocument Report2020(decimal previous, decimal decisions) => Xiyuan2020 with
    {
        ActiveDisclosure = Xiyuan2020.ActiveDisclosure.With("licensing", "previous", previous).With("licensing", "decisions", decisions),
    };

    public static async Task<ReviewSubtree> SeedAsync(TestDatabase database)
    {
        var unique = DatabaseFixture.Unique("r");
        await using var db = database.CreateContext();
        var cityName = $"测试市{unique}";
        var city = new Organization(cityName, unique, OrganizationKind.PeoplesGovernment);
        var districtA = new Organization($"{cityName}甲区人民政府", unique + "a", OrganizationKind.PeoplesGovernment, city);
        var districtB = new Organization($"{cityName}乙区人民政府", unique + "b", OrganizationKind.PeoplesGovernment, city);
        var streetA = new Organization("甲区某街道办事处", unique + "a1", OrganizationKind.Township, districtA);
        var streetB = new Organization("乙区某街道办事处", unique + "b1", OrganizationKind.Township, districtB);
        db.Organizations.AddRange(city, districtA, districtB, streetA, streetB);
        await db.SaveWithPathsAsync();

        db.Reports.AddRange(
            Published(districtA, Report2023(26, 435.18246m, 4)),
            Published(districtB, Report2023(10, 1.5m, 2)),
            Published(streetA, Report2023(5, 0.25m, 1)),
            AnnualReport.Archived(streetB, Report2023(1000, 1000m, 1000), null, TableRow.Empty, null, published: false, Now),
            Published(districtA, Report2020(3, 7)),
            Published(districtB, Report2020(4, 8)));
        await db.SaveChangesAsync();
        return new ReviewSubtree(unique, city.Id, cityName, districtA.Id, districtB.Id, streetA.Id, streetB.Id);
    }

    private static AnnualReport Published(Organization organization, ReportDocument document) =>
        AnnualReport.Archived(organization, document, null, TableRow.Empty, "张三", published: true, Now);
}
