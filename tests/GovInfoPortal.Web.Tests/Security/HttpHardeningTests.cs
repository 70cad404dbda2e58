using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovInfoPortal.Web.Security;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>Security headers on every kind of answer, HSTS over https, secure cookies, zh-CN errors, size and rate limits.</summary>
public sealed class HttpHardeningTests(HardenedDemo demo) : IClassFixture<HardenedDemo>
{
    /// <summary>One request of each kind of answer: pages, a report, search, the API, static files, errors, health.</summary>
    public static TheoryData<string> Answers =>
    [
        "/", "/reports", "/reports/350505/2023", "/search?q=泉港", "/stats", "/api", "/account/login",
        "/api/v1/reports", "/api/v1/reports/350505/2023", "/openapi/v1.json", "/feed.atom",
        "/css/site.css", "/no-such-page", "/api/v1/no-such-thing", "/health/ready", "/health/live", "/clerk/reports",
    ];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var portal = demo.Portal;
        using var client = portal.Client();

        using var response = await client.GetAsync(path);

        foreach (var (name, value) in SecurityHeaders.All)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"{path}: {name} missing ({(int)response.StatusCode})");
            Assert.Equal(value, Assert.Single(values));
        }

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var portal = demo.Portal;
        using var client = portal.Client(https: false);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/clerk/reports")]
    [InlineData("/review")]
    [InlineData("/admin/users")]
    public async Task Session_pages_over_plain_http_say_that_https_is_needed_instead_of_failing(string path)
    {
        var portal = demo.Portal;
        using var client = portal.Client(https: false);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(HttpsRequirement.Title, html, StringComparison.Ordinal);
        Assert.Contains("https://", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_sign_in_posted_over_plain_http_is_refused_with_the_same_page()
    {
        var portal = demo.Portal;
        using var client = portal.Client(https: false);

        using var response = await client.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "demo-clerk", ["Input.Password"] = "x" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(HttpsRequirement.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_api_over_plain_http_answers_problem_json_and_public_reads_still_work()
    {
        var portal = demo.Portal;
        using var client = portal.Client(https: false);

        using var api = await client.GetAsync("/api/v1/review/reports/1");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains(HttpsRequirement.ApiDetail, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var path in new[] { "/", "/reports/350505/2023", "/api/v1/reports" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Cookies_are_secure_http_only_and_same_site_in_the_canonical_spelling()
    {
        var portal = demo.Portal;
        using var client = portal.Client();

        using var response = await client.GetAsync("/account/login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            // Case-sensitive: some clients and scanners read the attribute names that way.
            Assert.Contains("; Secure", cookie, StringComparison.Ordinal);
            Assert.Contains("; HttpOnly", cookie, StringComparison.Ordinal);
            Assert.Contains("; SameSite=", cookie, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_missing_page_is_a_chinese_404_page_and_a_missing_api_resource_is_problem_json()
    {
        var portal = demo.Portal;
        using var client = portal.Client();

        using var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);

        using var api = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal("未找到", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());

        using var method = await client.DeleteAsync("/api/v1/reports");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("application/problem+json", method.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_retry_after_and_a_chinese_page()
    {
        await using var portal = new HardenedPortal(demo.Database, new Dictionary<string, string>
        {
            ["Security:SignIn:PermitLimit"] = "2",
            ["Security:SignIn:WindowSeconds"] = "600",
        });
        using var client = portal.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong" });
            using var attempt = await client.PostAsync("/account/login", form);
            statuses.Add(attempt.StatusCode);
            if (i == 2)
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, attempt.StatusCode);
                var retryAfter = int.Parse(Assert.Single(attempt.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(retryAfter, 1, 600);
                Assert.Contains("请求过于频繁", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(2), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));

        // Reading pages is not limited.
        using var login = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Searches_and_validations_beyond_their_limits_get_429_and_a_spoofed_forwarded_address_does_not_help()
    {
        await using var portal = new HardenedPortal(demo.Database, new Dictionary<string, string>
        {
            ["Security:Search:PermitLimit"] = "1",
            ["Security:Search:WindowSeconds"] = "600",
            ["Security:Validate:PermitLimit"] = "1",
            ["Security:Validate:WindowSeconds"] = "600",
        });
        using var client = portal.Client();

        using (var first = await client.GetAsync("/search?q=泉港"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports?q=泉港");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using (var second = await client.SendAsync(spoofed))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
            Assert.True(second.Headers.Contains("Retry-After"));
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
            Assert.Equal("请求过于频繁", problem.RootElement.GetProperty("title").GetString());
        }

        using (var list = await client.GetAsync("/api/v1/reports"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using (var check = await client.PostAsJsonAsync("/api/v1/validate", new { schema = "govinfo-annual-report/1" }))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, check.StatusCode);
        }

        using var again = await client.PostAsJsonAsync("/api/v1/validate", new { schema = "govinfo-annual-report/1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
    }

    [Fact]
    public async Task A_body_above_the_size_limit_is_refused_with_413()
    {
        await using var portal = new HardenedPortal(demo.Database, new Dictionary<string, string>
        {
            ["Security:MaxRequestBodyBytes"] = "1024",
        });
        using var client = portal.Client();

        using var content = new StringContent("{\"schema\":\"" + new string('x', 4096) + "\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/validate", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = new('x', 4096) });
        using var page = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
    }
}
