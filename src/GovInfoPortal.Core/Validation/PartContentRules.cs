using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// What assessors deduct for in the narrative parts, with the keywords and thresholds of
/// <see cref="ContentRuleSettings"/>: part 五 <c>problems.generic</c> and <c>problems.noRectification</c>;
/// part 六 <c>otherMatters.feeStatementMissing</c> (2021 on); part 一 <c>overview.missingAspect</c> (2021 on),
/// and, where a subtree sets them, <c>overview.tooLong</c> and <c>overview.missingFigure</c>. An empty part is
/// <c>narrative.missingPart</c>'s, not these rules'.
/// </summary>
internal sealed class PartContentRules : IFindingRules
{
    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var context = input.Context;
        var report = context.Report;
        var settings = context.ContentRules ?? ContentRuleSettings.Default;
        var findings = new List<Finding>();
        var is2021 = report.Format == ReportFormat.Format2021;
        foreach (var part in report.Definition().NarrativeParts)
        {
            if (string.IsNullOrWhiteSpace(report.Sections[part.Code]))
            {
                continue;
            }

            var text = input.Normalized(part.Code);
            switch (part.Code)
            {
                case SectionCodes.Problems:
                    Problems(context, settings, part, text, findings);
                    break;
                case SectionCodes.OtherMatters when is2021 && !ContainsAny(text, settings.FeeStatementKeywords):
                    findings.Add(Section(Rules.OtherMattersFeeStatementMissing, part, "信息处理费", null,
                        "未说明本年度信息处理费收取情况（国办公开办函〔2021〕30号要求在本部分报告，未收取的也应写明）"));
                    break;
                case SectionCodes.Overview:
                    Overview(settings, part, text, is2021, findings);
                    break;
            }
        }

        return findings;
    }

    private static void Problems(ReportValidationContext context, ContentRuleSettings settings, NarrativePartDefinition part, string text, List<Finding> findings)
    {
        var substance = Substance(text, settings);
        if (substance < settings.ProblemsMinSubstance)
        {
            findings.Add(Section(Rules.ProblemsGeneric, part, settings.ProblemsMinSubstance, substance,
                "内容空泛，未写明本年度存在的具体问题和相应的改进措施"));
            return;
        }

        if (context.LastYear is { } lastYear && lastYear.Year == context.Report.Year - 1 &&
            lastYear.Definition().NarrativeParts.Any(p => p.Code == SectionCodes.Problems) &&
            lastYear.Sections.Problems is { } lastRaw && !string.IsNullOrWhiteSpace(lastRaw) &&
            Substance(NarrativeText.Normalize(lastRaw), settings) >= settings.ProblemsMinSubstance &&
            !ContainsAny(text, settings.RectificationKeywords))
        {
            findings.Add(Section(Rules.ProblemsNoRectification, part, null, null,
                "上一年度报告写明了存在的问题，本年度未说明这些问题的整改情况"));
        }
    }

    private static void Overview(ContentRuleSettings settings, NarrativePartDefinition part, string text, bool is2021, List<Finding> findings)
    {
        if (is2021)
        {
            var missing = settings.OverviewAspects.Where(a => !ContainsAny(text, a.Keywords)).Select(a => a.Name).ToArray();
            if (missing.Length > 0)
            {
                var names = string.Join("、", missing);
                findings.Add(Section(Rules.OverviewMissingAspect, part, names, null,
                    $"未写明{names}方面的情况（2021年起总体情况应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）"));
            }
        }

        var length = text.Length;
        if (settings.OverviewMaxLength is { } max && length > max)
        {
            findings.Add(Section(Rules.OverviewTooLong, part, max, length, $"共 {length} 字，超过本地区规定的 {max} 字"));
        }

        var absent = settings.OverviewRequiredFigures.Where(f => !StatesFigure(text, f.Keywords, settings.RequiredFigureDistance)).Select(f => f.Name).ToArray();
        if (absent.Length > 0)
        {
            var names = string.Join("、", absent);
            findings.Add(Section(Rules.OverviewMissingFigure, part, names, null, $"未写明本地区要求的数据：{names}"));
        }
    }

    /// <summary>Each boilerplate list ordered longest first, once per list.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string[]> LongestFirst = new();

    /// <summary>Characters of substance once the boilerplate phrases (longest first) are set aside.</summary>
    private static int Substance(string text, ContentRuleSettings settings)
    {
        var phrases = LongestFirst.GetValue(settings.ProblemsBoilerplate,
            list => [.. list.Where(p => p.Length > 0).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)]);
        foreach (var phrase in phrases)
        {
            text = text.Replace(phrase, string.Empty, StringComparison.Ordinal);
        }

        return NarrativeText.Substance(text);
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> keywords) =>
        keywords.Any(k => k.Length > 0 && text.Contains(k, StringComparison.Ordinal));

    /// <summary>Whether a keyword is followed, within <paramref name="distance"/> characters, by a number.</summary>
    private static bool StatesFigure(string text, IReadOnlyList<string> keywords, int distance)
    {
        foreach (var keyword in keywords.Where(k => k.Length > 0))
        {
            for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                var from = at + keyword.Length;
                var window = text.AsSpan(from, Math.Min(distance, text.Length - from));
                if (NarrativeText.HasNumeral(window.ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
