using GovInfoPortal.Web.Public;

namespace GovInfoPortal.Web.Api;

/// <summary>
/// The open-data API's addresses: the prefix of its group, each endpoint's template under it (the endpoints are
/// mapped with these), the full paths, and typed links to them.
/// </summary>
public static class ApiLinks
{
    public const string Prefix = "/api/v1";

    public const string ReportsTemplate = "/reports";
    public const string ReportTemplate = ReportsTemplate + "/{orgCode}/{year:int}";
    public const string StatsTemplate = "/stats";
    public const string ValidateTemplate = "/validate";
    public const string VerifyTemplate = "/verify";
    public const string DatasetsTemplate = "/datasets";

    /// <summary>The review API's group, under the same prefix (signed in, not described in the OpenAPI document).</summary>
    public const string ReviewPrefix = Prefix + "/review";

    public const string Reports = Prefix + ReportsTemplate;
    public const string Stats = Prefix + StatsTemplate;
    public const string Validate = Prefix + ValidateTemplate;
    public const string Verify = Prefix + VerifyTemplate;
    public const string Datasets = Prefix + DatasetsTemplate;

    /// <summary>The published reports of a year: <c>/api/v1/reports?year=2023</c>.</summary>
    public static string ReportsOf(int year) => ReportLinks.WithQuery(Reports, ("year", year));

    /// <summary>One published report in the interchange format: <c>/api/v1/reports/350505/2023</c>.</summary>
    public static string Report(string key, int year) =>
        $"{Reports}/{Uri.EscapeDataString(key)}/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The totals of a year: <c>/api/v1/stats?year=2023</c>.</summary>
    public static string StatsOf(int year) => ReportLinks.WithQuery(Stats, ("year", year));
}
