using System.Numerics;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>One entry of the peer index: a narrative part of a report falls into this bucket of this band.</summary>
public readonly record struct PeerBand(string Part, int Band, long Bucket);

/// <summary>
/// The signatures behind <c>narrative.copiedFromPeer</c>: a part's text as a set of character shingles (the same
/// shingles as <see cref="TextSimilarity"/>), boilerplate shingles set aside, a MinHash signature of what is left
/// (one-permutation hashing with rotation densification: one hash per shingle, not one per shingle and
/// permutation) and that signature cut into <see cref="Bands"/> bands of <see cref="Rows"/> values, each band
/// hashed to a bucket. Two parts whose significant shingles overlap much share a bucket in some band with high
/// probability (Jaccard 0.3: about 42 %, 0.5: 93 %, 0.7: 100 %); unrelated parts almost never do. Candidates
/// found so are then compared exactly (<see cref="PeerRules"/>).
/// </summary>
public static class PeerSignatures
{
    public const int Bands = 20;

    public const int Rows = 3;

    public const int Length = Bands * Rows;

    /// <summary>Parts with fewer significant (non-boilerplate) shingles than this are neither indexed nor judged.</summary>
    public const int MinSignificantShingles = 30;

    /// <summary>The shingles of a text (white space and punctuation ignored), as the peer check and its boilerplate count them.</summary>
    public static IEnumerable<ulong> ShinglesOf(string text) => TextSimilarity.Shingles(TextSimilarity.Normalize(text));

    /// <summary>The shingles of a part's text that are not boilerplate, or null when too little is left to judge.</summary>
    public static HashSet<ulong>? Significant(string? text, string part, PeerBoilerplate boilerplate)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = TextSimilarity.Normalize(text);
        if (normalized.Length < Math.Max(NarrativeRules.MinComparedLength, TextSimilarity.ShingleLength))
        {
            return null;
        }

        var shingles = new HashSet<ulong>();
        foreach (var shingle in TextSimilarity.Shingles(normalized))
        {
            if (!boilerplate.Contains(part, shingle))
            {
                shingles.Add(shingle);
            }
        }

        return shingles.Count >= MinSignificantShingles ? shingles : null;
    }

    /// <summary>The index entries of a report's narrative parts: <see cref="Bands"/> per part that has enough significant text.</summary>
    public static IReadOnlyList<PeerBand> Of(ReportSections sections, PeerBoilerplate boilerplate)
    {
        var bands = new List<PeerBand>();
        foreach (var part in SectionCodes.All)
        {
            if (Significant(sections[part], part, boilerplate) is { } shingles)
            {
                var buckets = Buckets(Signature(shingles));
                for (var band = 0; band < buckets.Length; band++)
                {
                    bands.Add(new PeerBand(part, band, buckets[band]));
                }
            }
        }

        return bands;
    }

    /// <summary>The MinHash signature of a non-empty shingle set (<see cref="Length"/> values).</summary>
    public static ulong[] Signature(IReadOnlyCollection<ulong> shingles)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shingles.Count);
        var bins = new ulong[Length];
        var filled = new bool[Length];
        foreach (var shingle in shingles)
        {
            var hash = Mix(shingle);
            var bin = (int)Math.BigMul(hash, (ulong)Length, out _);
            if (!filled[bin] || hash < bins[bin])
            {
                bins[bin] = hash;
                filled[bin] = true;
            }
        }

        // Densification: an empty bin takes the value of the next filled one to its right, re-hashed by the distance,
        // so that two sets with the same shingles still agree bin by bin.
        var signature = new ulong[Length];
        for (var i = 0; i < Length; i++)
        {
            var distance = 0;
            var j = i;
            while (!filled[j])
            {
                j = (j + 1) % Length;
                distance++;
            }

            signature[i] = distance == 0 ? bins[j] : Mix(bins[j] + (ulong)distance * 0x9E3779B97F4A7C15UL);
        }

        return signature;
    }

    /// <summary>The signature cut into bands, each band's values hashed with its number to one bucket.</summary>
    public static long[] Buckets(ulong[] signature)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(signature.Length, Length);
        var buckets = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var hash = Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++)
            {
                hash = Mix(hash ^ BitOperations.RotateLeft(signature[band * Rows + row], row * 21));
            }

            buckets[band] = unchecked((long)hash);
        }

        return buckets;
    }

    /// <summary>SplitMix64's finalizer: spreads the shingle hashes evenly over 64 bits.</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
