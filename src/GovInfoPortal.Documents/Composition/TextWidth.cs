using System.Text;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Documents.Composition;

/// <summary>
/// Widths of text in ems as CJK typesetting counts them: a Chinese character or full-width sign is one em,
/// Latin letters, digits and half-width signs half an em. Used where the real font is not at hand (Word and
/// Excel column widths, row heights) and to size table columns the same way in every rendering.
/// </summary>
internal static class TextWidth
{
    public static double Ems(string text)
    {
        double ems = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            ems += Ems(rune);
        }

        return ems;
    }

    public static double Ems(Rune rune) => IsWide(rune) ? 1 : 0.5;

    public static bool IsWide(Rune rune)
    {
        var value = rune.Value;
        return value >= 0x1100 && (
            value <= 0x115F ||
            (value >= 0x2010 && value <= 0x2027 && value != 0x2011) || // dashes, quotes, ellipsis: full width in CJK fonts
            (value >= 0x2E80 && value <= 0xA4CF) ||
            (value >= 0xAC00 && value <= 0xD7A3) ||
            (value >= 0xF900 && value <= 0xFAFF) ||
            (value >= 0xFE30 && value <= 0xFE4F) ||
            (value >= 0xFF00 && value <= 0xFF60) ||
            (value >= 0xFFE0 && value <= 0xFFE6) ||
            value >= 0x20000);
    }

    /// <summary>How many lines a text takes when wrapped at <paramref name="widthEms"/> (character by character).</summary>
    public static int Lines(string text, double widthEms)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        var lines = 1;
        double used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var ems = Ems(rune);
            if (used > 0 && used + ems > widthEms + 1e-6)
            {
                lines++;
                used = 0;
            }

            used += ems;
        }

        return lines;
    }

    /// <summary>A date as official documents write it: 2024年1月10日 (GB/T 9704: Arabic numerals, no leading zeros).</summary>
    public static string Date(DateOnly date) => ChineseDates.Date(date);
}
