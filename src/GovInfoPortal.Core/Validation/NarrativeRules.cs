using GovInfoPortal.Core.Domain;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary><c>narrative.missingPart</c> and <c>narrative.copiedFromLastYear</c>.</summary>
internal sealed class NarrativeRules : IFindingRules
{
    /// <summary>Share of a part's text found in last year's same part above which it counts as copied.</summary>
    public const decimal CopiedShare = 0.5m;

    /// <summary>Shorter texts (「无。」) are not compared: repeating them is no copying.</summary>
    public const int MinComparedLength = 50;

    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var context = input.Context;
        var report = context.Report;
        foreach (var part in report.Definition().NarrativeParts)
        {
            var text = report.Sections[part.Code];
            if (string.IsNullOrWhiteSpace(text))
            {
                if (part.Required)
                {
                    yield return Section(Rules.NarrativeMissingPart, part, null, null, "未填写");
                }

                continue;
            }

            if (context.LastYear is { } lastYear && lastYear.Year == report.Year - 1 &&
                lastYear.Sections[part.Code] is { } lastText &&
                TextSimilarity.SharedShare(text, lastText, MinComparedLength) is { } share && share > CopiedShare)
            {
                var percent = decimal.Round(share * 100, 0, MidpointRounding.AwayFromZero);
                yield return Section(Rules.NarrativeCopiedFromLastYear, part, CopiedShare, decimal.Round(share, 2, MidpointRounding.AwayFromZero),
                    $"与上一年度报告相同的内容约占 {Number(percent)}%，请按本年度实际情况撰写");
            }
        }
    }
}
