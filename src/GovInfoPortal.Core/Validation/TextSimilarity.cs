namespace GovInfoPortal.Core.Validation;

/// <summary>
/// How much of a text stands again in another: the share of its overlapping character runs (shingles)
/// that also occur in the other text. Chinese has no spaces, so characters, not words, are compared;
/// white space and punctuation are ignored so that reflowed paragraphs still match.
/// </summary>
public static class TextSimilarity
{
    internal const int ShingleLength = 8;

    /// <summary>The share (0–1) of <paramref name="text"/> found in <paramref name="other"/>, or null when the text is too short to judge.</summary>
    public static decimal? SharedShare(string text, string other, int minLength)
    {
        var normalized = Normalize(text);
        if (normalized.Length < Math.Max(minLength, ShingleLength))
        {
            return null;
        }

        var otherShingles = Shingles(Normalize(other)).ToHashSet();
        if (otherShingles.Count == 0)
        {
            return 0m;
        }

        var total = 0;
        var shared = 0;
        foreach (var shingle in Shingles(normalized))
        {
            total++;
            if (otherShingles.Contains(shingle))
            {
                shared++;
            }
        }

        return (decimal)shared / total;
    }

    internal static string Normalize(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)));

    internal static IEnumerable<ulong> Shingles(string text)
    {
        for (var i = 0; i + ShingleLength <= text.Length; i++)
        {
            ulong hash = 14695981039346656037UL;
            for (var j = i; j < i + ShingleLength; j++)
            {
                hash = (hash ^ text[j]) * 1099511628211UL;
            }

            yield return hash;
        }
    }
}
