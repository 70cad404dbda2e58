using GovInfoPortal.Testing;
using GovInfoPortal.Web.Tests.Public;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>The main pages in Chromium under the strict Content-Security-Policy: nothing is blocked, nothing fails.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string> Pages =>
    [
        "/", "/reports", "/reports/350505/2023", "/search?q=泉港", "/stats", "/stats?org=350500&year=2023", "/api",
        "/no-such-page",
    ];

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task A_page_loads_without_any_policy_violation_or_console_error(string path)
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A missing page logs its own 404 as a failed resource: that one is expected.
            if (message.Type == "error" && !(path == "/no-such-page" && message.Text.Contains("404", StringComparison.Ordinal)))
            {
                problems.Add($"console: {message.Text} {message.Location}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        var response = await page.GotoAsync(portal.BaseAddress + path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
