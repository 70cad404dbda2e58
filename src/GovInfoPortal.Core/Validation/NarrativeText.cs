using System.Globalization;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Narrative text as the content rules read it: white space dropped (a page break in the middle of a
/// phrase does not hide it; a space between two Latin letters or digits is kept), quotation marks dropped,
/// full-width digits and letters folded to ASCII. Numbers are read in Arabic (1,234、１２、2.5万) and
/// Chinese numerals (二十六、一百零三).
/// </summary>
internal static class NarrativeText
{
    /// <summary>Longest numeral read; longer runs of digits are no figure a report quotes.</summary>
    private const int MaxNumeralLength = 20;

    public static string Normalize(string text)
    {
        // Normalizing never lengthens a text: a space is kept only in place of dropped white space.
        using var scratch = text.Length <= ScratchChars.StackLength ? new ScratchChars(stackalloc char[ScratchChars.StackLength]) : new ScratchChars(text.Length);
        var buffer = scratch.Span;
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (IsIdeograph(raw))
            {
                // Neither white space, a quotation mark, foldable nor an ASCII letter or digit.
                pendingSpace = false;
                buffer[length++] = raw;
                continue;
            }

            var c = Fold(raw);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (IsQuote(c))
            {
                continue;
            }

            if (pendingSpace && char.IsAsciiLetterOrDigit(c) && char.IsAsciiLetterOrDigit(buffer[length - 1]))
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    /// <summary>A CJK unified ideograph (the bulk of a report's text).</summary>
    internal static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    /// <summary>Full-width ASCII (digits, letters, ．and ，between digits is left alone) folded to ASCII.</summary>
    private static char Fold(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
        >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
        '．' => '.',
        '％' => '%',
        '\u3000' => ' ',
        _ => c,
    };

    private static bool IsQuote(char c) => c is '“' or '”' or '"' or '「' or '」' or '『' or '』' or '‘' or '’' or '\'' or '〝' or '〞';

    /// <summary>Whether the (normalized) text holds a digit or a Chinese numeral at all.</summary>
    public static bool HasNumeral(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) || ChineseDigit(c) >= 0 || ChineseUnit(c) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of a numeral the patterns matched, or null when it is no number a report would write.</summary>
    public static decimal? Parse(ReadOnlySpan<char> numeral)
    {
        if (numeral.IsEmpty || numeral.Length > MaxNumeralLength)
        {
            return null;
        }

        if (char.IsAsciiDigit(numeral[0]))
        {
            var multiplier = 1m;
            if (numeral[^1] == '万')
            {
                multiplier = 10_000m;
                numeral = numeral[..^1];
            }

            Span<char> digits = stackalloc char[numeral.Length];
            var length = 0;
            foreach (var c in numeral)
            {
                if (c != ',')
                {
                    digits[length++] = c;
                }
            }

            return decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value * multiplier
                : null;
        }

        try
        {
            return ParseChinese(numeral);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>二十六 → 26, 一百零三 → 103, 两千 → 2000, 一万二千 → 12000; digit by digit (二六) when no unit is written.</summary>
    private static decimal? ParseChinese(ReadOnlySpan<char> numeral)
    {
        var hasUnit = false;
        foreach (var c in numeral)
        {
            if (ChineseUnit(c) > 0)
            {
                hasUnit = true;
                break;
            }
        }

        if (!hasUnit)
        {
            decimal digits = 0;
            foreach (var c in numeral)
            {
                var d = ChineseDigit(c);
                if (d < 0)
                {
                    return null;
                }

                digits = digits * 10 + d;
            }

            return digits;
        }

        decimal total = 0, section = 0, number = 0;
        var seenDigit = false;
        foreach (var c in numeral)
        {
            var digit = ChineseDigit(c);
            if (digit >= 0)
            {
                number = digit;
                seenDigit = true;
                continue;
            }

            var unit = ChineseUnit(c);
            if (unit is 10 or 100 or 1000)
            {
                section += (number == 0 && !seenDigit && unit == 10 ? 1 : number) * unit;
                number = 0;
                seenDigit = false;
            }
            else if (unit == 10_000)
            {
                total += (section + number) * unit;
                section = 0;
                number = 0;
                seenDigit = false;
            }
            else if (unit > 0)
            {
                total = (total + section + number) * unit;
                section = 0;
                number = 0;
                seenDigit = false;
            }
            else
            {
                return null;
            }
        }

        return total + section + number;
    }

    private static int ChineseDigit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int ChineseUnit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => 0,
    };

    /// <summary>The number of characters of substance: letters, digits and CJK ideographs.</summary>
    public static int Substance(ReadOnlySpan<char> normalized)
    {
        var count = 0;
        foreach (var c in normalized)
        {
            if (IsIdeograph(c) || char.IsLetterOrDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
