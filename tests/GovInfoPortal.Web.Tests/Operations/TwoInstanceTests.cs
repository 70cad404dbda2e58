using System.Net;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using GovInfoPortal.Data.Accounts;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// Two portal instances, started as the compose services start them (production settings), on one PostgreSQL
/// database behind nginx, which ends TLS and balances round-robin: nothing a visitor or a signed-in user does
/// depends on which instance answers, and the secure cookies and antiforgery work behind the proxy.
/// </summary>
public sealed class TwoInstanceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string AdminName = "ops-admin";
    private const string AdminPassword = "Ops#Portal2026";

    [Theory, PostgresData]
    public async Task A_session_and_published_reports_are_the_same_on_both_instances_behind_the_tls_load_balancer(TestProvider provider)
    {
        var compose = ComposeFile.Load();
        var database = await databases.CreateAsync(provider, migrate: false);
        var first = ComposeFileTests.Environment(compose, "portal", database.ConnectionString);
        first["Accounts__InitialAdmin__UserName"] = AdminName;
        first["Accounts__InitialAdmin__Password"] = AdminPassword;
        var second = ComposeFileTests.Environment(compose, "portal-2", database.ConnectionString);
        foreach (var environment in new[] { first, second })
        {
            // Only the proxy on loopback is believed when it says the request came over https.
            environment["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1";
        }

        await using var one = PortalProcess.Start(first);
        await one.WaitUntilAsync("/health/ready");
        await using var two = PortalProcess.Start(second);
        await two.WaitUntilAsync("/health/ready");
        await using var nginx = await NginxProcess.StartAsync([one.BaseAddress, two.BaseAddress]);
        string Instances() => $"\n--- portal ---\n{one.Output}\n--- portal-2 ---\n{two.Output}{nginx.Log}";

        var cookies = new CookieContainer();
        using var balanced = new HttpClient(NginxProcess.TrustingHandler(cookies)) { BaseAddress = nginx.BaseAddress };

        // Signed out, the account pages send to the sign-in page.
        using (var signedOut = await balanced.GetAsync(new Uri("/Account/Password", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // Sign in through the balancer: the form and its antiforgery token from one instance, the post to the other. Round-robin
        // alternates; should a request have been passed on after an upstream error (logged), the sign-in is tried again.
        for (var attempt = 1; ; attempt++)
        {
            using var login = await balanced.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            Assert.True(login.StatusCode == HttpStatusCode.OK, $"{login.StatusCode}{Instances()}");
            Assert.True(login.Headers.Contains("Strict-Transport-Security"), "the instance did not take the proxy's https");
            var secureCookies = login.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(secureCookies);
            Assert.All(secureCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
            var token = FormPosts.TokenOf(await login.Content.ReadAsStringAsync());
            Assert.NotEmpty(token);
            using var signIn = await balanced.PostAsync(new Uri("/Account/Login", UriKind.Relative), FormPosts.Form(SignIns.Fields(AdminName, AdminPassword), token));
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{signIn.StatusCode}{Instances()}");
            Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
            if (nginx.Upstreams("/Account/Login").TakeLast(2).Distinct().Count() == 2)
            {
                break;
            }

            Assert.True(attempt < 3, $"the form and the post came from one instance {attempt} times{Instances()}");
        }

        // The session works on both instances.
        for (var i = 0; i < 4; i++)
        {
            using var response = await balanced.GetAsync(new Uri("/Account/Password", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}{Instances()}");
            Assert.Contains("修改密码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var upstreams = nginx.Upstreams("/Account/Password");
        Assert.Contains($"127.0.0.1:{one.Port}", upstreams);
        Assert.Contains($"127.0.0.1:{two.Port}", upstreams);

        // Both instances have served (and cached) the public home page; reports published in the shared database
        // are on both at once.
        using var visitor = new HttpClient(NginxProcess.TrustingHandler()) { BaseAddress = nginx.BaseAddress };
        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain("泉港区", await HomeAsync(visitor), StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.True((await new DemoDataSeeder(db).SeedAsync(history: false)).Seeded); // the three real reports, as the steps below expect
        }

        // Each instance learns of the seed from the change log (notified at its commit): both show it within the bound.
        var seen = System.Diagnostics.Stopwatch.StartNew();
        var inARow = 0;
        while (inARow < 2)
        {
            inARow = (await HomeAsync(visitor)).Contains("泉州市泉港区人民政府", StringComparison.Ordinal) ? inARow + 1 : 0;
            Assert.True(seen.Elapsed < Caching.CachedPortals.Patience, $"the seeded reports did not show on both instances{Instances()}");
        }

        var homes = nginx.Upstreams("/");
        Assert.Contains($"127.0.0.1:{one.Port}", homes.TakeLast(2));
        Assert.Contains($"127.0.0.1:{two.Port}", homes.TakeLast(2));

        // A clerk (account made beforehand) signs in through the balancer, saves a draft in the editor and reads it back:
        // the token, the save, the status message (TempData) and the reads come from alternating instances.
        string clerkName;
        int reportId;
        await using (var setup = new ClerkPortal(database))
        {
            var organization = await setup.CreateOrganizationAsync("负载均衡测试镇");
            clerkName = await setup.CreateUserAsync(PortalRoles.Clerk, organization.Id);
            reportId = await setup.CreateReportAsync(organization.Id, 2025);
        }

        using var clerkClient = new HttpClient(NginxProcess.TrustingHandler(new CookieContainer())) { BaseAddress = nginx.BaseAddress };
        var clerk = new PortalSession(clerkClient);
        using (var clerkSignIn = await clerk.SignInAsync(clerkName, ClerkPortal.Password))
        {
            Assert.True(clerkSignIn.StatusCode == HttpStatusCode.Redirect, $"{clerkSignIn.StatusCode}{Instances()}");
        }

        var edit = $"/clerk/reports/{reportId}/edit";
        using (var saved = await clerk.PostAsync(edit, DraftForms.Clean(0, signedBy: "负载均衡")))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{saved.StatusCode}{Instances()}");
        }

        Assert.Contains("草稿已保存。", await clerk.GetStringAsync(edit), StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("value=\"负载均衡\"", await clerk.GetStringAsync(edit), StringComparison.Ordinal);
        }

        var editors = nginx.Upstreams(edit);
        Assert.Contains($"127.0.0.1:{one.Port}", editors);
        Assert.Contains($"127.0.0.1:{two.Port}", editors);
    }

    private static async Task<string> HomeAsync(HttpClient client)
    {
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        return await home.Content.ReadAsStringAsync();
    }
}
