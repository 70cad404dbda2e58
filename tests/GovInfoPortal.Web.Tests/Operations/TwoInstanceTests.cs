using System.Net;
using System.Text.RegularExpressions;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// Two portal instances, started as the compose services start them, on one PostgreSQL database behind nginx
/// round-robin: nothing a visitor or a signed-in user does depends on which instance answers.
/// </summary>
public sealed partial class TwoInstanceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string AdminName = "ops-admin";
    private const string AdminPassword = "Ops#Portal2026";

    [Theory, PostgresData]
    public async Task A_session_and_published_reports_are_the_same_on_both_instances_behind_the_load_balancer(TestProvider provider)
    {
        var compose = ComposeFile.Load();
        var database = await databases.CreateAsync(provider, migrate: false);
        var first = ComposeFileTests.Environment(compose, "portal", database.ConnectionString);
        first["Accounts__InitialAdmin__UserName"] = AdminName;
        first["Accounts__InitialAdmin__Password"] = AdminPassword;
        var second = ComposeFileTests.Environment(compose, "portal-2", database.ConnectionString);
        foreach (var environment in new[] { first, second })
        {
            // TLS ends at the edge proxy, which the instances trust to say so (X-Forwarded-Proto: https).
            environment["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1";
        }

        await using var one = PortalProcess.Start(first);
        await one.WaitUntilAsync("/health/ready");
        await using var two = PortalProcess.Start(second);
        await two.WaitUntilAsync("/health/ready");
        await using var nginx = await NginxProcess.StartAsync([one.BaseAddress, two.BaseAddress]);

        // Sign in: the form (and its antiforgery token) comes from one instance, the post goes to the other.
        var cookies = new Dictionary<string, string>();
        using var toOne = Client(one.BaseAddress, cookies);
        using var toTwo = Client(two.BaseAddress, cookies);
        using var balanced = Client(nginx.BaseAddress, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await toTwo.GetAsync(new Uri("/Account/Password", UriKind.Relative))).StatusCode);

        using var login = await toOne.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"{login.StatusCode}\n{one.Output}");
        var form = await login.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups["token"].Value;
        Assert.NotEmpty(token);
        var signIn = await toTwo.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = AdminName,
            ["Input.Password"] = AdminPassword,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The session made by the second instance works on the first, and through the balancer on both.
        var onOne = await toOne.GetAsync(new Uri("/Account/Password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onOne.StatusCode);
        for (var i = 0; i < 6; i++)
        {
            var response = await balanced.GetAsync(new Uri("/Account/Password", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("修改密码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var upstreams = nginx.Upstreams("/Account/Password");
        Assert.Contains($"127.0.0.1:{one.Port}", upstreams);
        Assert.Contains($"127.0.0.1:{two.Port}", upstreams);

        // Both instances have served the public pages before; reports published in the shared database (as either
        // instance's publication writes them) are on every instance at once.
        foreach (var client in new[] { toOne, toTwo })
        {
            Assert.DoesNotContain("泉港区", await PublicHomeAsync(client, one, two), StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.True((await new DemoDataSeeder(db).SeedAsync()).Seeded);
        }

        foreach (var client in new[] { toOne, toTwo, balanced, balanced })
        {
            Assert.Contains("泉州市泉港区人民政府", await PublicHomeAsync(client, one, two), StringComparison.Ordinal);
        }
    }

    /// <summary>The home page as an anonymous visitor gets it from <paramref name="client"/>'s address.</summary>
    private static async Task<string> PublicHomeAsync(HttpClient client, PortalProcess one, PortalProcess two)
    {
        using var anonymous = Client(client.BaseAddress!, []);
        using var home = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(home.StatusCode == HttpStatusCode.OK, $"{home.StatusCode} from {client.BaseAddress}\n{one.Output}\n{two.Output}");
        return await home.Content.ReadAsStringAsync();
    }

    /// <summary>A client of one address sharing <paramref name="cookies"/> (secure ones included: TLS ends at the proxy).</summary>
    private static HttpClient Client(Uri baseAddress, Dictionary<string, string> cookies)
    {
        var client = new HttpClient(new SharedCookies(cookies) { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } })
        {
            BaseAddress = baseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private sealed class SharedCookies(Dictionary<string, string> cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var pair in setCookies.Select(c => c.Split(';', 2)[0].Split('=', 2)))
                {
                    cookies[pair[0]] = pair[1];
                }
            }

            return response;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
