using System.Security.Claims;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Review;

/// <summary>How a review page settles on its subtree: the one asked for, or why not.</summary>
public enum SubtreeOutcome
{
    /// <summary>The one asked for, or the user's default when none was asked for.</summary>
    Chosen,

    /// <summary>No organization has the id asked for.</summary>
    NotFound,

    /// <summary>The organization asked for lies outside the user's scope.</summary>
    Forbidden,
}

/// <summary>The subtree a review page works on and the subtrees it offers.</summary>
public sealed record SubtreeChoice(ScopeOrganization? Organization, SubtreeOutcome Outcome, IReadOnlyList<ScopeOrganization> Choices)
{
    /// <summary>The page's answer when the subtree asked for is not one to show (404 unknown, 403 outside the scope), else null.</summary>
    public IActionResult? Refusal(PageModel page) => Outcome switch
    {
        SubtreeOutcome.NotFound => page.NotFound(),
        SubtreeOutcome.Forbidden => page.Forbid(),
        _ => null,
    };
}

/// <summary>Which year a review page opens on when none (or none usable) is asked for.</summary>
public enum YearDefault
{
    /// <summary>The year whose reports are being written, reviewed and published now (last year in China): the workflow's pages.</summary>
    ReportingYear,

    /// <summary>The latest year with published reports in the subtree, else the reporting year: the pages about published reports.</summary>
    LatestPublished,
}

/// <summary>The year a review page shows, the years it offers, and why the one asked for was not taken (zh-CN), if it was not.</summary>
public sealed record YearChoice(int Year, IReadOnlyList<int> Years, string? Problem);

/// <summary>
/// The scope, subtree and year of the reviewer's pages (the dashboard, the city-wide totals, the exports), chosen by the
/// same rules on each: the user's scope from <see cref="ReviewScopes"/>; the subtree asked for when the scope covers it;
/// the year asked for when it is readable and within <see cref="InputLimits.YearRefusal"/>, else the page's default with
/// the reason; every year from the page's first to this year (China time) offered.
/// </summary>
public sealed class ReviewerContext(ReviewScopes scopes, CityTotals totals, TimeProvider time)
{
    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>Reports are written and published early in the following year: last year's are the ones in progress.</summary>
    public int ReportingYear => Today.Year - 1;

    /// <summary>The user's scope, or null for a user who reviews nothing (the page answers 403).</summary>
    public Task<ReviewScope?> ScopeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        scopes.ForAsync(user, cancellationToken);

    /// <summary>The subtree asked for (an organization id), or the scope's default when none was asked for.</summary>
    public async Task<SubtreeChoice> SubtreeAsync(ReviewScope scope, int? asked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var choices = await scopes.ChoicesAsync(scope, cancellationToken);
        if (asked is not { } id)
        {
            return new SubtreeChoice(await scopes.DefaultAsync(scope, cancellationToken), SubtreeOutcome.Chosen, choices);
        }

        return await scopes.FindAsync(id, cancellationToken) switch
        {
            null => new SubtreeChoice(null, SubtreeOutcome.NotFound, choices),
            var found when !scope.Covers(found.Path) => new SubtreeChoice(null, SubtreeOutcome.Forbidden, choices),
            var found => new SubtreeChoice(found, SubtreeOutcome.Chosen, choices),
        };
    }

    /// <summary>Why a year cannot be asked for (zh-CN), or null.</summary>
    public string? YearRefusal(int year) => InputLimits.YearRefusal("年度", year, Today);

    /// <summary>
    /// The year to show: the one asked for, when readable (<paramref name="unreadable"/> is false) and in range and
    /// accepted by <paramref name="usable"/>, else the page's default, with the reason. Years before
    /// <paramref name="firstYear"/> are not offered.
    /// </summary>
    public async Task<YearChoice> YearAsync(ScopeOrganization? subtree, int? asked, bool unreadable, YearDefault rule, int firstYear = ReportFormats.MinYear,
        Func<int, bool>? usable = null, CancellationToken cancellationToken = default)
    {
        var (fallback, fallbackName) = await DefaultYearAsync(subtree, rule, usable, cancellationToken);
        string? problem = null;
        var year = fallback;
        if (unreadable)
        {
            problem = $"年度填写有误，已显示{fallbackName}。";
        }
        else if (asked is { } wanted)
        {
            if (YearRefusal(wanted) is { } refusal)
            {
                problem = $"{refusal}已显示{fallbackName}。";
            }
            else
            {
                year = wanted;
            }
        }

        return new YearChoice(year, Offered(firstYear, year), problem);
    }

    /// <summary>The years a page offers: from <paramref name="firstYear"/> to this year, and the one shown (kept even when refused).</summary>
    public IReadOnlyList<int> Offered(int firstYear, int shown)
    {
        var newest = Math.Max(Today.Year, firstYear);
        return [.. Enumerable.Range(firstYear, newest - firstYear + 1).Append(shown).Distinct().OrderDescending()];
    }

    private async Task<(int Year, string Name)> DefaultYearAsync(ScopeOrganization? subtree, YearDefault rule, Func<int, bool>? usable,
        CancellationToken cancellationToken)
    {
        if (rule == YearDefault.LatestPublished && subtree is not null)
        {
            var published = await totals.PublishedYearsAsync(subtree, cancellationToken);
            if (published.Where(usable ?? (_ => true)).Select(y => (int?)y).FirstOrDefault() is { } latest)
            {
                return (latest, "最近一个有已发布报告的年度");
            }

            return (ReportingYear, "最近一个有已发布报告的年度");
        }

        return (ReportingYear, $"正在报送的{ReportingYear}年度");
    }
}
