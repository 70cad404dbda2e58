using GovInfoPortal.Testing;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests;

/// <summary>The checks every browser test runs on a page: axe-core finds nothing, and it fits a phone's width.</summary>
public static class PageChecks
{
    /// <summary>axe-core, copied beside the test assembly (see Axe/VERSION.txt).</summary>
    public static string AxeScript => Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js");

    /// <summary>
    /// The axe-core violations of the page as it stands, one line each (rule, impact, help, first elements).
    /// axe is evaluated through the DevTools protocol rather than added as a script tag, which the
    /// portal's Content-Security-Policy rightly refuses; the page runs under its real policy.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {await File.ReadAllTextAsync(AxeScript)}\n}}");
        }

        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document)).violations.map(v =>
                `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """);
        return violations ?? [];
    }

    /// <summary>
    /// No axe-core violations at desktop width; screenshots at desktop and phone width, where nothing may
    /// stick out sideways (wide tables scroll inside their own region).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath($"{name}-desktop.png"), FullPage = true });
        var violations = await AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, name + ":\n" + string.Join("\n", violations));

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath($"{name}-phone.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>("""
            () => {
                // An element inside a scrolling region is clipped by it, unless it is positioned and the region is not.
                const clipped = e => {
                    let positioned = ['absolute', 'fixed'].includes(getComputedStyle(e).position);
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        const style = getComputedStyle(p);
                        if (!positioned && ['auto', 'scroll', 'hidden'].includes(style.overflowX)) return true;
                        if (positioned && style.position !== 'static') positioned = false;
                    }
                    return false;
                };
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth && !clipped(e))
                    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className} (${Math.round(e.getBoundingClientRect().width)}px)`).join(', ');
            }
            """);
        Assert.True(overflow <= 0, $"{name}: the page is {overflow}px wider than a phone screen: {widest}");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
