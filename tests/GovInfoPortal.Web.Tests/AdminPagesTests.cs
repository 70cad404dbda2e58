using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests;

/// <summary>The admin pages: the organization tree and the accounts, with bad input explained in zh-CN.</summary>
public sealed class AdminPagesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_admin_builds_and_reshapes_the_organization_tree(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var portal = new ClerkPortal(database, demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var city = await portal.CreateOrganizationAsync("某市", kind: OrganizationKind.PeoplesGovernment);
        var county = await portal.CreateOrganizationAsync("某县", city.Id, OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("某县某街道", county.Id);

        var created = await admin.PostAsync("/admin/organizations",
            ("Form.Name", " 另一个县 "), ("Form.Code", "888888"), ("Form.Kind", "PeoplesGovernment"), ("Form.ParentId", city.Id.ToString()));
        await using (var db = database.CreateContext())
        {
            var other = await db.Organizations.SingleAsync(o => o.Code == "888888");
            Assert.Equal(("另一个县", city.Id, $"{city.Path}{other.Id}/"), (other.Name, other.ParentId, other.Path));

            var moved = await admin.PostAsync($"/admin/organizations/{county.Id}",
                ("Form.Name", "某县（改名）"), ("Form.Code", county.Code!), ("Form.Kind", "PeoplesGovernment"), ("Form.ParentId", other.Id.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var check = database.CreateContext();
        var all = await check.Organizations.ToDictionaryAsync(o => o.Id);
        var newCounty = all.Values.Single(o => o.Code == "888888");
        Assert.Equal("某县（改名）", all[county.Id].Name);
        Assert.Equal($"{newCounty.Path}{county.Id}/", all[county.Id].Path);
        Assert.Equal($"{newCounty.Path}{county.Id}/{street.Id}/", all[street.Id].Path);
        var tree = await admin.GetStringAsync("/admin/organizations");
        Assert.Contains("某县（改名）", tree, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_organization_input_is_explained_and_kept()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var county = await portal.CreateOrganizationAsync("某县", kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("某县某街道", county.Id);

        var empty = await (await admin.PostAsync("/admin/organizations", ("Form.Name", ""), ("Form.Code", "新代码"), ("Form.Kind", "Township"))).Content.ReadAsStringAsync();
        var duplicate = await (await admin.PostAsync("/admin/organizations", ("Form.Name", "重名的机关"), ("Form.Code", street.Code!), ("Form.Kind", "Township"))).Content.ReadAsStringAsync();
        var badKind = await (await admin.PostAsync("/admin/organizations", ("Form.Name", "类型不对"), ("Form.Kind", "Planet"))).Content.ReadAsStringAsync();
        var intoItself = await (await admin.PostAsync($"/admin/organizations/{county.Id}",
            ("Form.Name", "某县"), ("Form.Kind", "PeoplesGovernment"), ("Form.ParentId", street.Id.ToString()))).Content.ReadAsStringAsync();

        Assert.Contains("请填写机关名称。", empty, StringComparison.Ordinal);
        Assert.Contains("value=\"新代码\"", empty, StringComparison.Ordinal);
        Assert.Contains($"机关代码“{street.Code}”已被其他机关使用。", duplicate, StringComparison.Ordinal);
        Assert.Contains("value=\"重名的机关\"", duplicate, StringComparison.Ordinal);
        Assert.Contains("“Planet”不是有效的值。", badKind, StringComparison.Ordinal);
        Assert.Contains("不能把机关移到它自己或它的下级机关之下。", intoItself, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Organizations.CountAsync());
        Assert.Null((await db.Organizations.FindAsync(county.Id))!.ParentId);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_admin_creates_assigns_disables_and_resets_accounts(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var portal = new ClerkPortal(database, demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var county = await portal.CreateOrganizationAsync("某县", kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("某县某街道", county.Id);

        var created = await admin.PostAsync("/admin/users/new", ("Form.UserName", "zhangsan"), ("Form.DisplayName", "张三"),
            ("Form.Role", PortalRoles.Clerk), ("Form.OrganizationId", street.Id.ToString()), ("Form.Password", "Start#2026a"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        string id;
        await using (var db = database.CreateContext())
        {
            id = (await db.Users.SingleAsync(u => u.UserName == "zhangsan")).Id;
        }

        var clerk = portal.Session();
        Assert.Equal("/clerk/reports", (await clerk.SignInAsync("zhangsan", "Start#2026a")).Headers.Location!.OriginalString);
        Assert.Contains("zhangsan", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        // Made a reviewer of the county.
        var changed = await admin.PostAsync($"/admin/users/{id}", ("Form.DisplayName", "张三（审核）"), ("Form.Role", PortalRoles.Reviewer), ("Form.OrganizationId", county.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using (var db = database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Equal(("张三（审核）", county.Id), (user.DisplayName, user.OrganizationId));
            Assert.Equal(PortalRoles.Reviewer, await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync());
        }

        var disabled = await admin.PostAsync($"/admin/users/{id}?handler=Disable", ("disable", "true"));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var refused = await (await portal.Session().SignInAsync("zhangsan", "Start#2026a")).Content.ReadAsStringAsync();
        Assert.Contains("该账户已停用，请联系管理员。", refused, StringComparison.Ordinal);
        Assert.Contains("已停用", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{id}?handler=Disable", ("disable", "false"))).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await portal.Session().SignInAsync("zhangsan", "wrong#2026x");
        }

        var reset = await admin.PostAsync($"/admin/users/{id}?handler=Reset", ("Reset.NewPassword", "Neu#2026abc"));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Session().SignInAsync("zhangsan", "Neu#2026abc")).StatusCode);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_new_account_names_its_organization_by_code_or_full_name_and_an_unknown_one_is_explained(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var portal = new ClerkPortal(database, demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var street = await portal.CreateOrganizationAsync("某县某街道");
        var code = street.Code!;
        var uncoded = new Organization("某县无代码局", null, OrganizationKind.Department);
        await using (var setup = database.CreateContext())
        {
            setup.Organizations.Add(uncoded);
            await setup.SaveWithPathsAsync();
        }

        // The form asks for a code or a name: no list of every organization.
        var form = await admin.GetStringAsync("/admin/users/new");
        Assert.Contains("name=\"Form.Organization\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<select id=\"Form_OrganizationId\"", form, StringComparison.Ordinal);

        var unknown = await (await admin.PostAsync("/admin/users/new", ("Form.UserName", "wangwu"), ("Form.DisplayName", "王五"),
            ("Form.Role", PortalRoles.Clerk), ("Form.Organization", "999999-不存在"), ("Form.Password", "Start#2026a"))).Content.ReadAsStringAsync();
        Assert.Contains("没有找到代码或全称为“999999-不存在”的机关，请核对后重新填写", unknown, StringComparison.Ordinal);
        Assert.Contains("value=\"wangwu\"", unknown, StringComparison.Ordinal);
        Assert.Contains("value=\"999999-不存在\"", unknown, StringComparison.Ordinal);

        var byCode = await admin.PostAsync("/admin/users/new", ("Form.UserName", "wangwu"), ("Form.DisplayName", "王五"),
            ("Form.Role", PortalRoles.Clerk), ("Form.Organization", $" {code} "), ("Form.Password", "Start#2026a"));
        Assert.Equal(HttpStatusCode.Redirect, byCode.StatusCode);
        var byName = await admin.PostAsync("/admin/users/new", ("Form.UserName", "zhaoliu"), ("Form.DisplayName", "赵六"),
            ("Form.Role", PortalRoles.Reviewer), ("Form.Organization", "某县无代码局"), ("Form.Password", "Start#2026a"));
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(street.Id, (await db.Users.SingleAsync(u => u.UserName == "wangwu")).OrganizationId);
        var zhaoliu = await db.Users.SingleAsync(u => u.UserName == "zhaoliu");
        Assert.Equal(uncoded.Id, zhaoliu.OrganizationId);

        // The account's page shows the organization as typed: its code, or its name when it has none.
        Assert.Contains("value=\"某县无代码局\"", await admin.GetStringAsync($"/admin/users/{zhaoliu.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_account_input_is_explained_and_kept()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var street = await portal.CreateOrganizationAsync("某街道");
        var taken = await portal.CreateUserAsync(PortalRoles.Clerk, street.Id);

        async Task<string> Create(params (string, string)[] fields) => await (await admin.PostAsync("/admin/users/new", fields)).Content.ReadAsStringAsync();
        var noOrganization = await Create(("Form.UserName", "lisi"), ("Form.DisplayName", "李四"), ("Form.Role", PortalRoles.Clerk), ("Form.Password", "Start#2026a"));
        var weak = await Create(("Form.UserName", "lisi"), ("Form.DisplayName", "李四"), ("Form.Role", PortalRoles.Clerk),
            ("Form.OrganizationId", street.Id.ToString()), ("Form.Password", "12345678"));
        var duplicate = await Create(("Form.UserName", taken), ("Form.DisplayName", "重名"), ("Form.Role", PortalRoles.Admin), ("Form.Password", "Start#2026a"));
        var badName = await Create(("Form.UserName", "李 四"), ("Form.DisplayName", "李四"), ("Form.Role", PortalRoles.Admin), ("Form.Password", "Start#2026a"));
        var missing = await Create(("Form.Role", PortalRoles.Admin));

        Assert.Contains("填报员须属于一个机关，请选择所属机关。", noOrganization, StringComparison.Ordinal);
        Assert.Contains("value=\"lisi\"", noOrganization, StringComparison.Ordinal);
        Assert.Contains("密码至少需要包含一个小写英文字母。", weak, StringComparison.Ordinal);
        Assert.Contains($"用户名“{taken}”已被使用。", duplicate, StringComparison.Ordinal);
        Assert.Contains("用户名“李 四”无效", badName, StringComparison.Ordinal);
        Assert.Contains("请填写用户名。", missing, StringComparison.Ordinal);
        Assert.Contains("请填写姓名。", missing, StringComparison.Ordinal);
        Assert.Contains("请填写初始密码。", missing, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Users.CountAsync());
    }

    [Fact]
    public async Task An_admin_cannot_disable_demote_or_reset_the_password_of_itself()
    {
        var (database, portal, admin, userName) = await SignedInAdminAsync();
        await using var _ = portal;
        await using var db = database.CreateContext();
        var id = (await db.Users.SingleAsync(u => u.UserName == userName)).Id;

        var disable = await (await admin.PostAsync($"/admin/users/{id}?handler=Disable", ("disable", "true"))).Content.ReadAsStringAsync();
        var demote = await (await admin.PostAsync($"/admin/users/{id}", ("Form.DisplayName", "管理员"), ("Form.Role", PortalRoles.Clerk))).Content.ReadAsStringAsync();

        Assert.Contains("不能停用自己的账户。", disable, StringComparison.Ordinal);
        Assert.Contains("不能取消自己的管理员角色。", demote, StringComparison.Ordinal);

        // Its own password is changed on the password page, which asks for the current one; a reset here would not.
        var page = await admin.GetStringAsync($"/admin/users/{id}");
        Assert.DoesNotContain("handler=Reset", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/password\"", page, StringComparison.Ordinal);
        var reset = await (await admin.PostAsync($"/admin/users/{id}?handler=Reset", ("Reset.NewPassword", "Neu#2026abc"))).Content.ReadAsStringAsync();
        Assert.Contains(UserAdministration.OwnPasswordMessage, reset, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Session().SignInAsync(userName, ClerkPortal.Password)).StatusCode);
    }

    [Fact]
    public async Task Replaying_the_enable_or_disable_form_changes_nothing_and_ends_no_session()
    {
        // The security scan posted the admin's own status form again with its value altered: it bound as "enable",
        // which renewed the admin's stamp and ended its session in the middle of the scan.
        var (database, portal, admin, userName) = await SignedInAdminAsync();
        await using var _ = portal;
        await using var db = database.CreateContext();
        var self = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        async Task<string?> StampAsync(string id) => (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).SecurityStamp;

        var enabled = await admin.PostAsync($"/admin/users/{self.Id}?handler=Disable", ("disable", "false"));
        var altered = await admin.PostAsync($"/admin/users/{self.Id}?handler=Disable", ("disable", "wapiti"));

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("未说明停用还是启用该账户，未作更改。", await altered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(self.SecurityStamp, await StampAsync(self.Id));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);

        // Another account: a disabled one stays disabled under an altered value, and disabling it again renews nothing.
        var clerkName = await portal.CreateUserAsync(PortalRoles.Clerk, (await portal.CreateOrganizationAsync("停用测试镇")).Id);
        var clerk = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == clerkName);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{clerk.Id}?handler=Disable", ("disable", "true"))).StatusCode);
        var disabledStamp = await StampAsync(clerk.Id);
        Assert.NotEqual(clerk.SecurityStamp, disabledStamp);
        Assert.Contains("未说明停用还是启用该账户", await (await admin.PostAsync($"/admin/users/{clerk.Id}?handler=Disable", ("disable", "1 OR 1=1"))).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/users/{clerk.Id}?handler=Disable", ("disable", "true"))).StatusCode);
        Assert.True((await db.Users.AsNoTracking().SingleAsync(u => u.Id == clerk.Id)).IsDisabled);
        Assert.Equal(disabledStamp, await StampAsync(clerk.Id));
    }

    [Fact]
    public async Task An_admin_who_saves_its_own_account_stays_signed_in_under_the_new_name()
    {
        var (database, portal, admin, userName) = await SignedInAdminAsync();
        await using var _ = portal;
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);

        var saved = await admin.PostAsync($"/admin/users/{user.Id}", ("Form.DisplayName", "改名的管理员"), ("Form.Role", PortalRoles.Admin));

        // A new name changes nothing the account may do: its sessions go on (this one renewed: it shows the new name).
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stamp = (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp;
        Assert.Equal(user.SecurityStamp, stamp);
        Assert.Contains("<li class=\"account-name\">改名的管理员</li>", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_change_of_role_or_organization_ends_the_sessions_of_an_account()
    {
        var (database, portal, admin, _) = await SignedInAdminAsync();
        await using var _ = portal;
        var organization = await portal.CreateOrganizationAsync("会话测试镇");
        var clerkName = await portal.CreateUserAsync(PortalRoles.Clerk, organization.Id);
        await using var db = database.CreateContext();
        var id = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == clerkName)).Id;
        async Task<string?> StampAsync() => (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).SecurityStamp;
        var before = await StampAsync();

        var renamed = await admin.PostAsync($"/admin/users/{id}", ("Form.DisplayName", "改了名字的办事员"), ("Form.Role", PortalRoles.Clerk),
            ("Form.OrganizationId", organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(before, await StampAsync());

        var promoted = await admin.PostAsync($"/admin/users/{id}", ("Form.DisplayName", "改了名字的办事员"), ("Form.Role", PortalRoles.Reviewer),
            ("Form.OrganizationId", organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.NotEqual(before, await StampAsync());
    }

    /// <summary>
    /// What the security scan does signed in as the admin, in order, with the clock moved past the stamp's validation
    /// interval between the steps (so the claims are rebuilt and the cookie re-issued): a client that keeps the cookie
    /// of its sign-in after the renewal (the scan's cookie jar), the account's own save, a password change with a wrong
    /// current password, the sign-out page opened, a new sign-in while the older cookie is still sent. Nothing of it
    /// refuses the session; only the sign-out does, and then every copy of the cookie.
    /// </summary>
    [Fact]
    public async Task The_security_scans_sequence_keeps_the_admins_session_until_it_signs_out()
    {
        var (database, portal, _, userName) = await SignedInAdminAsync();
        await using var _ = portal;
        await using var db = database.CreateContext();
        var id = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).Id;
        var scan = portal.Session();
        using var signIn = await scan.SignInAsync(userName, ClerkPortal.Password);
        var first = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("govinfo.auth=", StringComparison.Ordinal));
        using var raw = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        async Task<HttpStatusCode> WithFirstCookieAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/users");
            request.Headers.Add("Cookie", first);
            using var response = await raw.SendAsync(request);
            return response.StatusCode;
        }

        void Later() => portal.Time.Now += TimeSpan.FromMinutes(2);

        Later();
        using (var renewed = await scan.GetAsync("/admin/users"))
        {
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
            Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("govinfo.auth=", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, await WithFirstCookieAsync());
        Later();
        Assert.Equal(HttpStatusCode.Redirect, (await scan.PostAsync($"/admin/users/{id}", ("Form.DisplayName", "扫描的管理员"), ("Form.Role", PortalRoles.Admin))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scan.PostAsync("/account/password",
            [new("Input.CurrentPassword", "Letm3in_"), new("Input.NewPassword", "Letm3in_"), new("Input.ConfirmPassword", "Letm3in_")], "/account/password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scan.GetAsync("/account/logout")).StatusCode);
        Later();
        Assert.Equal(HttpStatusCode.OK, await WithFirstCookieAsync());
        var again = portal.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(userName, ClerkPortal.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scan.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await WithFirstCookieAsync());

        // The sign-out renews the stamp: every session of the account ends, the kept cookie too.
        Assert.Equal(HttpStatusCode.Redirect, (await scan.PostAsync("/account/logout", [], "/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithFirstCookieAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin/users")).StatusCode);
    }

    /// <summary>A portal without demo data and an admin signed in to it, for what an admin does to its own account.</summary>
    private async Task<(TestDatabase Database, ClerkPortal Portal, PortalSession Admin, string UserName)> SignedInAdminAsync()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var portal = new ClerkPortal(database, demo: false);
        var userName = await portal.CreateUserAsync(PortalRoles.Admin, null);
        var admin = portal.Session();
        await admin.SignInAsync(userName, ClerkPortal.Password);
        return (database, portal, admin, userName);
    }
}
