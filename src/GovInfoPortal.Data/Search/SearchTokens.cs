using System.Globalization;
using System.Text;

namespace GovInfoPortal.Data.Search;

/// <summary>One term of a query: a phrase of tokens that must follow each other, or a one-character prefix.</summary>
/// <param name="Text">The term as the reader typed it (normalized), for highlighting.</param>
public sealed record SearchTerm(string Text, IReadOnlyList<string> Tokens, bool IsPrefix);

/// <summary>
/// How text is cut into index tokens for search in Chinese (DESIGN.md §6), the same for every provider and
/// for the query. Chinese has no spaces, and most queries are two or three characters, so text is indexed
/// as overlapping character bigrams: each run of letters and digits (any script, lower-cased) gives its
/// bigrams in order, and its last character alone. A query term of two characters or more is the phrase
/// of its bigrams (exact substring match); a one-character term is a prefix of a token, which the last
/// characters make complete.
/// </summary>
public static class SearchTokens
{
    /// <summary>Longest query accepted, in characters; longer input is cut.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>At most this many terms in a query.</summary>
    public const int MaxTerms = 8;

    /// <summary>The tokens of a text, in order.</summary>
    public static IEnumerable<string> Tokenize(string? text)
    {
        foreach (var run in Runs(text))
        {
            var elements = run.Elements;
            if (elements.Count == 1)
            {
                yield return run.Text;
                continue;
            }

            for (var i = 0; i + 1 < elements.Count; i++)
            {
                yield return run.Text.Substring(elements[i], (i + 2 < elements.Count ? elements[i + 2] : run.Text.Length) - elements[i]);
            }

            yield return run.Text[elements[^1]..];
        }
    }

    /// <summary>The terms of a query: its runs of letters and digits, at most <see cref="MaxTerms"/>, each once.</summary>
    public static IReadOnlyList<SearchTerm> ParseQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var terms = new List<SearchTerm>();
        foreach (var run in Runs(text).DistinctBy(run => run.Text, StringComparer.Ordinal).Take(MaxTerms))
        {
            terms.Add(run.Elements.Count == 1
                ? new SearchTerm(run.Text, [run.Text], IsPrefix: true)
                : new SearchTerm(run.Text, [.. Tokenize(run.Text).Take(run.Elements.Count - 1)], IsPrefix: false));
        }

        return terms;
    }

    /// <summary>A run of letters and digits and where each of its characters starts.</summary>
    private sealed record Run(string Text, List<int> Elements);

    /// <summary>
    /// The maximal runs of letters and digits of a text, normalized to NFKC and lower-cased (invariant). A
    /// character is a code point with the combining marks that follow it (a character outside the BMP stays
    /// whole). Written for speed: it runs over every published report when the index is built.
    /// </summary>
    private static IEnumerable<Run> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var normalized = (text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();
        var position = 0;
        while (position < normalized.Length)
        {
            var length = ElementLength(normalized, position);
            if (!IsWordElement(normalized, position))
            {
                position += length;
                continue;
            }

            var start = position;
            var elements = new List<int>();
            while (position < normalized.Length && IsWordElement(normalized, position))
            {
                elements.Add(position - start);
                position += ElementLength(normalized, position);
            }

            yield return new Run(normalized[start..position], elements);
        }
    }

    private static int ElementLength(string text, int index)
    {
        var length = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        while (index + length < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[index + length])
                   is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            length++;
        }

        return length;
    }

    private static bool IsWordElement(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
