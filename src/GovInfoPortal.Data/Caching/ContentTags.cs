using System.Globalization;

namespace GovInfoPortal.Data.Caching;

/// <summary>
/// The names of what a public answer depends on and what a change changes. An organization is named by its key
/// in the public addresses (its code, or <c>org-{id}</c> without one; lower case), the whole tree by
/// <see cref="Root"/>.
/// <list type="bullet">
/// <item><see cref="Report"/>: one report's page, versions, downloads and API read.</item>
/// <item><see cref="OrganizationReports"/>: the list of an organization's years on each of its report pages.</item>
/// <item><see cref="Subtree(string, int)"/> / <see cref="Subtree(string)"/>: browse, statistics and the statistics API of a
/// subtree for a year, or for no year given.</item>
/// <item><see cref="Lists"/>: the home page, search, feed, sitemap, the API's lists and every other public answer.</item>
/// <item><see cref="Tree"/>: the organizations alone, changed only with <see cref="Everything"/>.</item>
/// <item><see cref="Everything"/>: written alone, evicts every cached answer (an organization changed, a bulk seed).</item>
/// </list>
/// </summary>
public static class ContentTags
{
    public const string Everything = "*";

    public const string Lists = "lists";

    /// <summary>
    /// The organizations: their names, codes and places in the tree. Never written alone: a change of an
    /// organization is written as <see cref="Everything"/>. What depends on the tree only (the search page's list of
    /// regions) is tagged with it, so that publications leave it cached.
    /// </summary>
    public const string Tree = "organizations";

    /// <summary>The organization key standing for the whole tree (browse and statistics without an organization).</summary>
    public const string Root = "~";

    private const string IdKeyPrefix = "org-";

    /// <summary>The key of an organization as the public addresses use it, lower case.</summary>
    public static string KeyOf(string? code, int organizationId) =>
        (code is { Length: > 0 } ? code : IdKeyPrefix + organizationId.ToString(CultureInfo.InvariantCulture)).ToLowerInvariant();

    public static string Report(string key, int year) => $"report:{Normalize(key)}:{year.ToString(CultureInfo.InvariantCulture)}";

    public static string OrganizationReports(string key) => $"org:{Normalize(key)}";

    public static string Subtree(string key, int year) => $"tree:{Normalize(key)}:{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Subtree(string key) => $"tree:{Normalize(key)}";

    /// <summary>
    /// What the publication (or withdrawal, correction, archived original) of the report of <paramref name="year"/>
    /// of the organization changes. <paramref name="keys"/> names the organization itself (by code and by id key),
    /// <paramref name="ancestorKeys"/> every organization above it.
    /// </summary>
    public static IEnumerable<string> OfReport(IReadOnlyCollection<string> keys, IEnumerable<string> ancestorKeys, int year)
    {
        foreach (var key in keys)
        {
            yield return Report(key, year);
            yield return OrganizationReports(key);
        }

        foreach (var key in keys.Concat(ancestorKeys).Append(Root))
        {
            yield return Subtree(key, year);
            yield return Subtree(key);
        }

        yield return Lists;
    }

    // Spaces separate the tags of a change (<see cref="ContentChangeRecord.Tags"/>).
    private static string Normalize(string key) => key.Trim().ToLowerInvariant().Replace(' ', '_');
}
