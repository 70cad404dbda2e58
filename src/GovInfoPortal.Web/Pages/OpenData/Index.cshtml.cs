using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Api;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.OpenData;

/// <summary>The readable description of the open-data API, with live examples from the published reports.</summary>
public sealed class IndexModel(PublicReports reports) : PageModel
{
    public ReportListItem? Example { get; private set; }

    public string Origin { get; private set; } = string.Empty;

    public string ApiPrefix => ApiLinks.Prefix;

    public IReadOnlyList<RuleInfo> Rules => Core.Validation.Rules.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Origin = ReportLinks.Origin(Request);
        Example = (await reports.LatestAsync(1, cancellationToken)).FirstOrDefault();
    }
}
