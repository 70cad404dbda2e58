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
            HasProblemsPart(lastYear.Definition()) &&
            lastYear.Sections.Problems is { } lastRaw && !string.IsNullOrWhiteSpace(lastRaw) &&
            Substance(NarrativeText.Normalize(lastRaw), settings) >= settings.ProblemsMinSubstance &&
            !ContainsAny(text, settings.RectificationKeywords))
        {
            findings.Add(Section(Rules.ProblemsNoRectification, part, null, null,
                "上一年度报告写明了存在的问题，本年度未说明这些问题的整改情况"));
        }
    }

    private static bool HasProblemsPart(FormatDefinition definition)
    {
        foreach (var part in definition.NarrativeParts)
        {
            if (part.Code == SectionCodes.Problems)
            {
                return true;
            }
        }

        return false;
    }

    private static void Overview(ContentRuleSettings settings, NarrativePartDefinition part, string text, bool is2021, List<Finding> findings)
    {
        if (is2021)
        {
            List<string>? missing = null;
            foreach (var aspect in settings.OverviewAspects)
            {
                if (!ContainsAny(text, aspect.Keywords))
                {
                    (missing ??= []).Add(aspect.Name);
                }
            }

            if (missing is not null)
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

        List<string>? absent = null;
        foreach (var figure in settings.OverviewRequiredFigures)
        {
            if (!StatesFigure(text, figure.Keywords, settings.RequiredFigureDistance))
            {
                (absent ??= []).Add(figure.Name);
            }
        }

        if (absent is not null)
        {
            var names = string.Join("、", absent);
            findings.Add(Section(Rules.OverviewMissingFigure, part, names, null, $"未写明本地区要求的数据：{names}"));
        }
    }

    /// <summary>Each boilerplate list ordered longest first, once per list.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string[]> LongestFirst = new();

    /// <summary>Characters of substance once the boilerplate phrases (longest first) are set aside.</summary>
    /// <remarks>
    /// Each phrase is removed from what the phrases before it left, every occurrence left to right, as
    /// <see cref="string.Replace(string, string?, StringComparison)"/> with an empty replacement would, but in one
    /// buffer instead of a new string per phrase found.
    /// </remarks>
    private static int Substance(string text, ContentRuleSettings settings)
    {
        var phrases = LongestFirst.GetValue(settings.ProblemsBoilerplate,
            list => [.. list.Where(p => p.Length > 0).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)]);
        using var scratch = text.Length <= ScratchChars.StackLength ? new ScratchChars(stackalloc char[ScratchChars.StackLength]) : new ScratchChars(text.Length);
        var buffer = scratch.Span;
        text.CopyTo(buffer);
        var length = text.Length;
        foreach (var phrase in phrases)
        {
            length = RemoveAll(buffer[..length], phrase);
        }

        return NarrativeText.Substance(buffer[..length]);
    }

    /// <summary>Removes every occurrence of <paramref name="phrase"/> (left to right, not overlapping) in place; the length left.</summary>
    internal static int RemoveAll(Span<char> text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            return text.Length;
        }

        var write = at;
        var read = at + phrase.Length;
        while (true)
        {
            var next = text[read..].IndexOf(phrase, StringComparison.Ordinal);
            var keep = next < 0 ? text.Length - read : next;
            text.Slice(read, keep).CopyTo(text[write..]);
            write += keep;
            if (next < 0)
            {
                return write;
            }

            read += next + phrase.Length;
        }
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Length > 0 && text.Contains(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a keyword is followed, within <paramref name="distance"/> characters, by a number.</summary>
    private static bool StatesFigure(string text, IReadOnlyList<string> keywords, int distance)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Length == 0)
            {
                continue;
            }

            for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                var from = at + keyword.Length;
                var window = text.AsSpan(from, Math.Min(distance, text.Length - from));
                if (NarrativeText.HasNumeral(window))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
