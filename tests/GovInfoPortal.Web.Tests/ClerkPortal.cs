using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests;

/// <summary>A clock that stays where a test put it.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The portal for the account, admin and clerk tests: production settings on a real test database, with
/// the clock pinned (default 10 January 2026 in China, when the 2025 reports are being written and none
/// is late yet). <paramref name="environment"/> "Testing" lets cookies travel over plain http (Kestrel
/// for the browser); the HTTP tests use https and production cookies.
/// </summary>
public sealed class ClerkPortal(TestDatabase database, bool? demo = null, string environment = "Production", DateTimeOffset? now = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : PortalFactory(database, demo)
{
    public const string Password = "Pass#2026a";

    public FixedTime Time { get; } = new(now ?? new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>
    /// The demo portal on Kestrel for a browser (Testing environment, so cookies travel over plain http);
    /// returns it with its address, without the trailing slash.
    /// </summary>
    public static (ClerkPortal Portal, string Site) StartDemoForBrowser(TestDatabase database)
    {
        var portal = new ClerkPortal(database, demo: true, environment: AccountsSetup.TestingEnvironment);
        portal.UseKestrel(0);
        portal.StartServer();
        return (portal, portal.ClientOptions.BaseAddress.ToString().TrimEnd('/'));
    }

    /// <summary>A client on https (so production's secure cookies travel) that does not follow redirects.</summary>
    public PortalSession Session() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

    /// <summary>A session signed in as a new account of this role and organization.</summary>
    public async Task<PortalSession> SignedInAsync(string role, int? organizationId)
    {
        var userName = await CreateUserAsync(role, organizationId);
        var session = Session();
        var response = await session.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<string> CreateUserAsync(string role, int? organizationId, string? userName = null)
    {
        userName ??= DatabaseFixture.Unique("u");
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser(userName, "测试用户", role, organizationId, Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return userName;
    }

    /// <summary>A new organization (under <paramref name="parentId"/>), with its id.</summary>
    public async Task<Organization> CreateOrganizationAsync(string name, int? parentId = null, OrganizationKind kind = OrganizationKind.Township)
    {
        await using var db = Database.CreateContext();
        var parent = parentId is { } id ? await db.Organizations.FindAsync(id) : null;
        var organization = new Organization(name, DatabaseFixture.Unique("c"), kind, parent);
        db.Organizations.Add(organization);
        await db.SaveWithPathsAsync();
        return organization;
    }

    /// <summary>Stores a report made by <paramref name="build"/> from a fresh draft of the organization's year.</summary>
    public async Task<int> CreateReportAsync(int organizationId, int year, Action<AnnualReport, DateTime>? build = null)
    {
        await using var db = Database.CreateContext();
        var organization = await db.Organizations.FindAsync(organizationId);
        var report = AnnualReport.Start(organization!, year, Time.GetUtcNow().UtcDateTime);
        build?.Invoke(report, Time.GetUtcNow().UtcDateTime);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    public async Task<AnnualReport> ReportAsync(int id)
    {
        await using var db = Database.CreateContext();
        return await db.Reports.FindAsync(id) ?? throw new InvalidOperationException($"No report {id}.");
    }
}

/// <summary>A browser-like HTTP session: cookies, antiforgery tokens from the pages, form posts.</summary>
public sealed class PortalSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    /// <summary>An antiforgery token for this session's user, from a page every user can open.</summary>
    public Task<string> TokenAsync(string page = SignIns.LoginPath) => FormPosts.TokenAsync(Client, page);

    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null, bool fetch = false) =>
        FormPosts.PostFormAsync(Client, tokenPage ?? SignIns.LoginPath, path, fields, fetch);

    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        PostAsync(path, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public Task<HttpResponseMessage> SignInAsync(string userName, string password) => SignIns.SignInAsync(Client, userName, password);

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public Task<string> GetStringAsync(string path) => Client.GetStringAsync(path);
}
