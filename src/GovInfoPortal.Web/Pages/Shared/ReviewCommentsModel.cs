using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>
/// What <c>_ReviewComments.cshtml</c> shows in the editor: the reviewer's comments of the current round on one part
/// (<see cref="Part"/>, a code of <see cref="ReportParts"/>), or — with no part — those on the report as a whole and
/// where the others stand.
/// </summary>
public sealed record ReviewCommentsModel(IReadOnlyList<ReviewComment> All, string? Part)
{
    /// <summary>The comments shown here, newest first.</summary>
    public IReadOnlyList<ReviewComment> Shown => [.. All.Where(c => c.Part == (Part ?? ReportParts.General)).OrderByDescending(c => c.CreatedAt)];

    /// <summary>For the summary: how many comments each other part has, in the order of the report.</summary>
    public IEnumerable<(string Part, int Count)> ElsewhereCounts =>
        ReportParts.All.Where(p => p != ReportParts.General)
            .Select(p => (p, All.Count(c => c.Part == p)))
            .Where(x => x.Item2 > 0);
}
