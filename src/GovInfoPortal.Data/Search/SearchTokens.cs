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
            var elements = Elements(run);
            if (elements.Count == 1)
            {
                yield return run;
                continue;
            }

            for (var i = 0; i + 1 < elements.Count; i++)
            {
                yield return elements[i] + elements[i + 1];
            }

            yield return elements[^1];
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
        foreach (var run in Runs(text).Distinct(StringComparer.Ordinal).Take(MaxTerms))
        {
            var elements = Elements(run);
            terms.Add(elements.Count == 1
                ? new SearchTerm(run, [run], IsPrefix: true)
                : new SearchTerm(run, [.. Enumerable.Range(0, elements.Count - 1).Select(i => elements[i] + elements[i + 1])], IsPrefix: false));
        }

        return terms;
    }

    /// <summary>The maximal runs of letters and digits of a text, lower-cased (invariant), normalized to NFKC.</summary>
    private static IEnumerable<string> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var run = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(normalized);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (IsWordElement(element))
            {
                run.Append(element);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    private static bool IsWordElement(string element)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(element, 0);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>The characters of a run as text elements (a character outside the BMP stays whole).</summary>
    private static List<string> Elements(string run)
    {
        var elements = new List<string>(run.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(run);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
