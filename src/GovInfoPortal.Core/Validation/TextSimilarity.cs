using System.Buffers;

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
        using var textScratch = text.Length <= ScratchChars.StackLength ? new ScratchChars(stackalloc char[ScratchChars.StackLength]) : new ScratchChars(text.Length);
        var normalized = Normalize(text, textScratch.Span);
        if (normalized.Length < Math.Max(minLength, ShingleLength))
        {
            return null;
        }

        using var otherScratch = other.Length <= ScratchChars.StackLength ? new ScratchChars(stackalloc char[ScratchChars.StackLength]) : new ScratchChars(other.Length);
        var otherNormalized = Normalize(other, otherScratch.Span);
        ulong[]? rentedSet = null;
        try
        {
            var otherCount = otherNormalized.Length - ShingleLength + 1;
            if (otherCount <= 0)
            {
                return 0m;
            }

            // The other text's shingles in an open-addressing set (at most half full); 0 marks an empty slot,
            // so a shingle hashing to 0 is remembered apart.
            var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)otherCount * 2);
            rentedSet = ArrayPool<ulong>.Shared.Rent(capacity);
            var set = rentedSet.AsSpan(0, capacity);
            set.Clear();
            var mask = capacity - 1;
            var hasZero = false;
            for (var i = 0; i < otherCount; i++)
            {
                var hash = Hash(otherNormalized.Slice(i, ShingleLength));
                if (hash == 0)
                {
                    hasZero = true;
                    continue;
                }

                var slot = Slot(hash, mask);
                while (set[slot] != 0 && set[slot] != hash)
                {
                    slot = (slot + 1) & mask;
                }

                set[slot] = hash;
            }

            var total = normalized.Length - ShingleLength + 1;
            var shared = 0;
            for (var i = 0; i < total; i++)
            {
                var hash = Hash(normalized.Slice(i, ShingleLength));
                if (hash == 0)
                {
                    shared += hasZero ? 1 : 0;
                    continue;
                }

                var slot = Slot(hash, mask);
                while (set[slot] != 0)
                {
                    if (set[slot] == hash)
                    {
                        shared++;
                        break;
                    }

                    slot = (slot + 1) & mask;
                }
            }

            return (decimal)shared / total;
        }
        finally
        {
            if (rentedSet is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedSet);
            }
        }
    }

    private static int Slot(ulong hash, int mask) => (int)((hash ^ (hash >> 29)) * 0x9E3779B97F4A7C15UL >> 32) & mask;

    internal static string Normalize(string text)
    {
        using var scratch = text.Length <= ScratchChars.StackLength ? new ScratchChars(stackalloc char[ScratchChars.StackLength]) : new ScratchChars(text.Length);
        return new string(Normalize(text, scratch.Span));
    }

    /// <summary>The text without white space, punctuation and symbols, written into <paramref name="buffer"/> (at least as long as the text).</summary>
    private static Span<char> Normalize(string text, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (NarrativeText.IsIdeograph(c) || (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)))
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }

    private static ulong Hash(ReadOnlySpan<char> shingle)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    internal static IEnumerable<ulong> Shingles(string text)
    {
        for (var i = 0; i + ShingleLength <= text.Length; i++)
        {
            yield return Hash(text.AsSpan(i, ShingleLength));
        }
    }
}
