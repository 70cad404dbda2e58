using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GovInfoPortal.Data.Search;
using Microsoft.AspNetCore.Html;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// Marks the terms of a search in text: the text is HTML-encoded piece by piece and each match wrapped in
/// <c>&lt;mark&gt;</c>, so nothing of the stored text is ever taken as markup.
/// </summary>
public static class Highlighter
{
    /// <summary>Chinese text stays characters, as on every page of the portal.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>How many characters of context a snippet shows before its first match.</summary>
    public const int ContextBefore = 30;

    /// <summary>How long a snippet is, in characters.</summary>
    public const int SnippetLength = 120;

    /// <summary>The whole text with every term marked.</summary>
    public static IHtmlContent Mark(string text, IReadOnlyList<SearchTerm> terms) => new HtmlString(Encode(text, Matches(text, terms)));

    /// <summary>
    /// A short piece of the first of the texts that holds a term, around its first match, with every term
    /// marked; null when no text holds one.
    /// </summary>
    public static IHtmlContent? Snippet(IEnumerable<string?> texts, IReadOnlyList<SearchTerm> terms)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var flat = text.ReplaceLineEndings(" ");
            var matches = Matches(flat, terms);
            if (matches.Count == 0)
            {
                continue;
            }

            var start = Math.Max(0, matches[0].Start - ContextBefore);
            var end = Math.Min(flat.Length, start + SnippetLength);
            var window = flat[start..end];
            var html = new StringBuilder();
            html.Append(start > 0 ? "…" : string.Empty);
            html.Append(Encode(window, [.. matches
                .Where(m => m.Start >= start && m.Start + m.Length <= end)
                .Select(m => (m.Start - start, m.Length))]));
            html.Append(end < flat.Length ? "…" : string.Empty);
            return new HtmlString(html.ToString());
        }

        return null;
    }

    /// <summary>Non-overlapping matches of the terms, in order; a longer term wins where two overlap.</summary>
    private static List<(int Start, int Length)> Matches(string text, IReadOnlyList<SearchTerm> terms)
    {
        var normalized = text.ToLowerInvariant();
        var found = new List<(int Start, int Length)>();
        foreach (var term in terms.OrderByDescending(t => t.Text.Length))
        {
            for (var at = normalized.IndexOf(term.Text, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term.Text, at + term.Text.Length, StringComparison.Ordinal))
            {
                var end = at + term.Text.Length;
                if (!found.Any(f => at < f.Start + f.Length && f.Start < end))
                {
                    found.Add((at, term.Text.Length));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static string Encode(string text, IReadOnlyList<(int Start, int Length)> matches)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (var (start, length) in matches)
        {
            html.Append(Encoder.Encode(text[position..start]));
            html.Append("<mark>").Append(Encoder.Encode(text.Substring(start, length))).Append("</mark>");
            position = start + length;
        }

        html.Append(Encoder.Encode(text[position..]));
        return html.ToString();
    }
}
