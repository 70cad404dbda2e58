using GovInfoPortal.Core.Domain;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>Another body's report of the same year that a report is compared with: its organization's name and its narrative parts.</summary>
public sealed record PeerReport(string OrganizationName, int Year, ReportSections Sections);

/// <summary>
/// What <c>narrative.copiedFromPeer</c> compares a report with: the candidate peers (other bodies' reports of the
/// same year; the database's peer index narrows them down, a batch passes its other documents) and the
/// boilerplate to set aside. Without it the rule does not run.
/// </summary>
public sealed record PeerComparison(IReadOnlyList<PeerReport> Candidates, PeerBoilerplate Boilerplate)
{
    public static PeerComparison Of(IEnumerable<PeerReport> candidates, PeerBoilerplate? boilerplate = null) =>
        new([.. candidates], boilerplate ?? PeerBoilerplate.Builtin);
}

/// <summary>
/// <c>narrative.copiedFromPeer</c>: more than half of a part's significant text (boilerplate set aside) stands in the
/// same part of another body's report of the same year. One finding per part, naming the peer that shares most.
/// </summary>
internal sealed class PeerRules : IFindingRules
{
    /// <summary>Share of a part's significant shingles found in a peer's same part above which it counts as copied.</summary>
    public const decimal CopiedShare = 0.5m;

    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var context = input.Context;
        if (context.Peers is not { } peers || peers.Candidates.Count == 0)
        {
            yield break;
        }

        var report = context.Report;
        foreach (var part in report.Definition().NarrativeParts)
        {
            if (PeerSignatures.Significant(report.Sections[part.Code], part.Code, peers.Boilerplate) is not { } shingles)
            {
                continue;
            }

            PeerReport? best = null;
            var bestShare = 0m;
            foreach (var peer in peers.Candidates)
            {
                if (peer.Year != report.Year || PeerSignatures.Significant(peer.Sections[part.Code], part.Code, peers.Boilerplate) is not { } other)
                {
                    continue;
                }

                var shared = shingles.Count(other.Contains);
                var share = (decimal)shared / shingles.Count;
                if (share > bestShare)
                {
                    (best, bestShare) = (peer, share);
                }
            }

            if (best is not null && bestShare > CopiedShare)
            {
                var percent = decimal.Round(bestShare * 100, 0, MidpointRounding.AwayFromZero);
                yield return Section(Rules.NarrativeCopiedFromPeer, part, CopiedShare, decimal.Round(bestShare, 2, MidpointRounding.AwayFromZero),
                    $"与{best.OrganizationName}{best.Year}年度报告的同一部分相同的内容约占 {Number(percent)}%（已除去各报告通用的表述），请按本单位实际情况撰写");
            }
        }
    }
}
