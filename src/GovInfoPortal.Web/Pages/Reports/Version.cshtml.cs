using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>An earlier version of a published report, as it was published before a correction replaced it.</summary>
public sealed class VersionModel(PublicReports reports) : PageModel
{
    public ReportBodyModel Body { get; private set; } = null!;

    public EarlierVersion Version { get; private set; } = null!;

    public string CurrentUrl { get; private set; } = string.Empty;

    public int CurrentVersion { get; private set; }

    /// <summary>This version's one address: <c>/reports/{code}/{year}/versions/{n}</c>.</summary>
    public string CanonicalUrl { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, int number, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(orgCode, year, cancellationToken);
        if (report is null && await reports.CanonicalKeyAsync(orgCode, cancellationToken) is { } canonical)
        {
            return RedirectPermanent(ReportLinks.Version(canonical, year, number));
        }

        var revision = report is null ? null : await reports.FindEarlierVersionAsync(report.Id, number, cancellationToken);
        if (report is null || revision is null)
        {
            return NotFound();
        }

        var document = revision.Document();
        Body = new ReportBodyModel(document, revision.SignedBy);
        Version = new EarlierVersion(revision.Number, revision.PublishedOn, revision.SupersededOn, revision.SupersededReason, revision.Fingerprint);
        CurrentUrl = ReportLinks.Page(ReportLinks.KeyOf(report.Organization), year);
        CanonicalUrl = ReportLinks.Version(ReportLinks.KeyOf(report.Organization), year, number);
        CurrentVersion = report.RevisionNumber;
        return Page();
    }
}
