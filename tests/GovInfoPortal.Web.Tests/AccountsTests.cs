using System.Net;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests;

public sealed class AccountsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_clerk_signs_in_with_a_secure_cookie_lands_on_my_reports_and_signs_out(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var organization = await portal.CreateOrganizationAsync("测试街道办事处");
        var userName = await portal.CreateUserAsync(PortalRoles.Clerk, organization.Id);
        var session = portal.Session();

        var signIn = await session.SignInAsync(userName, ClerkPortal.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/clerk/reports", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        var reports = await session.GetStringAsync("/clerk/reports");
        Assert.Contains("测试街道办事处", reports, StringComparison.Ordinal);
        Assert.Contains("退出登录", reports, StringComparison.Ordinal);

        var signOut = await session.PostAsync("/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await session.GetAsync("/clerk/reports");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working_at_once(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var organization = await portal.CreateOrganizationAsync("测试街道办事处");
        var userName = await portal.CreateUserAsync(PortalRoles.Clerk, organization.Id);
        var session = portal.Session();
        var signIn = await session.SignInAsync(userName, ClerkPortal.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        var copy = portal.Session();
        copy.Client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var before = await copy.GetAsync("/clerk/reports");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var signOut = await session.PostAsync("/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // Well within Identity's one-minute check: the copy is refused on its next request.
        using var after = await copy.GetAsync("/clerk/reports");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_lands_on_the_review_dashboard_after_signing_in()
    {
        await using var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var organization = await portal.CreateOrganizationAsync("测试市");
        var userName = await portal.CreateUserAsync(PortalRoles.Reviewer, organization.Id);

        using var signIn = await portal.Session().SignInAsync(userName, ClerkPortal.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/review", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [SqliteData]
    public async Task Signing_out_without_the_antiforgery_token_or_with_a_forged_one_is_refused(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var session = await portal.SignedInAsync(PortalRoles.Admin, null);

        using var missing = await session.Client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        using var forged = await session.Client.PostAsync("/account/logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", "CfDJ8forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(missing.Headers.TryGetValues("Set-Cookie", out var cleared) && cleared.Any(c => c.StartsWith(AccountsSetup.CookieName + "=;", StringComparison.Ordinal)));
        using var still = await session.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task The_status_message_cookie_is_secure_and_http_only()
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(TestProvider.Sqlite), demo: false);
        var session = await portal.SignedInAsync(PortalRoles.Admin, null);

        using var signOut = await session.PostAsync("/account/logout");

        var tempData = Assert.Single(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AccountsSetup.TempDataCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; Secure", tempData, StringComparison.Ordinal);
        Assert.Contains("; HttpOnly", tempData, StringComparison.Ordinal);
        Assert.Contains("; SameSite=lax", tempData, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var portal = new ClerkPortal(database, demo: false);
        var userName = await portal.CreateUserAsync(PortalRoles.Admin, null);
        var session = portal.Session();

        for (var attempt = 1; attempt < AccountsSetup.MaxFailedAttempts; attempt++)
        {
            var wrong = await session.SignInAsync(userName, "wrong#2026x");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("用户名或密码不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await session.SignInAsync(userName, "wrong#2026x");
        var right = await session.SignInAsync(userName, ClerkPortal.Password);

        Assert.Contains("该账户已被锁定 15 分钟", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("该账户已被锁定 15 分钟", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var lockoutEnd = (await db.Users.SingleAsync(u => u.UserName == userName)).LockoutEnd!.Value;
        var fromNow = new[] { portal.Time.GetUtcNow(), DateTimeOffset.UtcNow }.Select(now => lockoutEnd - now);
        Assert.Contains(fromNow, span => span > TimeSpan.FromMinutes(14) && span <= TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password_and_an_empty_form_is_explained()
    {
        await using var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var session = portal.Session();

        var unknown = await (await session.SignInAsync("nobody-here", "whatever1")).Content.ReadAsStringAsync();
        var empty = await (await session.SignInAsync("", "")).Content.ReadAsStringAsync();

        Assert.Contains("用户名或密码不正确。", unknown, StringComparison.Ordinal);
        Assert.Contains("value=\"nobody-here\"", unknown, StringComparison.Ordinal);
        Assert.Contains("请填写用户名。", empty, StringComparison.Ordinal);
        Assert.Contains("请填写密码。", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_accounts_come_with_the_demo_data_on_sqlite()
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(TestProvider.Sqlite, migrate: false), demo: true);

        foreach (var account in DemoAccounts.All)
        {
            var session = portal.Session();
            var signIn = await session.SignInAsync(account.UserName, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var clerk = portal.Session();
        await clerk.SignInAsync("demo-clerk", DemoAccounts.Password);
        Assert.Contains("晋江市西园街道办事处", await clerk.GetStringAsync("/clerk/reports"), StringComparison.Ordinal);
        await using var db = portal.Database.CreateContext();
        var reviewer = await db.Users.Include(u => u.Organization).SingleAsync(u => u.UserName == "demo-reviewer");
        Assert.Equal("晋江市", reviewer.Organization!.Name);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task No_demo_account_exists_outside_demo_mode(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider, migrate: false), demo: provider == TestProvider.Sqlite ? false : null);

        await AssertNoAccountsAsync(portal);
    }

    [Theory]
    [PostgresData]
    public async Task Demo_data_on_postgres_comes_without_demo_accounts(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider, migrate: false), demo: true);

        await AssertNoAccountsAsync(portal);
        Assert.Contains("泉州市泉港区人民政府", await portal.Session().GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static async Task AssertNoAccountsAsync(ClerkPortal portal)
    {
        var signIn = await portal.Session().SignInAsync("demo-admin", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var db = portal.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task A_configured_initial_admin_is_created_once()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        await using var configured = portal.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Accounts:InitialAdmin:UserName", "first-admin");
            builder.UseSetting("Accounts:InitialAdmin:Password", "Start#2026x");
        });

        var signIn = await new PortalSession(configured.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false,
        })).SignInAsync("first-admin", "Start#2026x");

        Assert.Equal("/admin/users", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_user_changes_the_password_and_mistakes_are_explained_in_chinese()
    {
        await using var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var userName = await portal.CreateUserAsync(PortalRoles.Admin, null);
        var session = portal.Session();
        await session.SignInAsync(userName, ClerkPortal.Password);

        var wrongCurrent = await session.PostAsync("/account/password",
            ("Input.CurrentPassword", "not-it-2026"), ("Input.NewPassword", "Neu#2026abc"), ("Input.ConfirmPassword", "Neu#2026abc"));
        var tooWeak = await session.PostAsync("/account/password",
            ("Input.CurrentPassword", ClerkPortal.Password), ("Input.NewPassword", "abc"), ("Input.ConfirmPassword", "abc"));
        var changed = await session.PostAsync("/account/password",
            ("Input.CurrentPassword", ClerkPortal.Password), ("Input.NewPassword", "Neu#2026abc"), ("Input.ConfirmPassword", "Neu#2026abc"));

        Assert.Contains("当前密码不正确。", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await tooWeak.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要 8 个字符。", weak, StringComparison.Ordinal);
        Assert.Contains("密码至少需要包含一个数字。", weak, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var again = portal.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(userName, "Neu#2026abc")).StatusCode);
    }

    [Fact]
    public async Task Pages_ask_anonymous_users_to_sign_in_and_refuse_other_roles_in_chinese()
    {
        await using var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var organization = await portal.CreateOrganizationAsync("某街道办事处");
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, organization.Id);
        var anonymous = portal.Session();

        foreach (var page in new[] { "/clerk/reports", "/admin/users", "/admin/organizations", "/account/password" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var admin = await clerk.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        var denied = await clerk.GetAsync(admin.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("没有访问权限", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
