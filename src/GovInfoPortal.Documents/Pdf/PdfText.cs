using System.Text;
using GovInfoPortal.Documents.Composition;
using PdfSharp.Drawing;

namespace GovInfoPortal.Documents.Pdf;

internal enum GlyphClass
{
    /// <summary>A Chinese character or any other sign a line may break before and after.</summary>
    Ideograph,

    /// <summary>A Latin letter, digit or half-width sign: a run of them is a word, not broken.</summary>
    Latin,

    Space,

    /// <summary>An opening bracket or quote: never at the end of a line.</summary>
    Opening,

    /// <summary>Closing brackets, quotes and punctuation: never at the start of a line.</summary>
    Closing,
}

/// <summary>One character set in a font, with the advance it takes on the line.</summary>
internal readonly record struct Glyph(string Text, XFont Font, double Advance, GlyphClass Class);

/// <summary>A line of glyphs: <c>[Start, End)</c> of the paragraph's glyphs, spaces at its end left out.</summary>
internal readonly record struct TextLine(int Start, int End, bool IsLast);

/// <summary>
/// Sets Chinese text for the PDF: picks for each character the run's face, or WenQuanYi Zen Hei where that
/// face lacks the glyph; breaks lines between characters, never inside a Latin word or number, never
/// before closing punctuation 「，。）」 nor after opening 「（“」 (the Chinese rules for line starts and ends);
/// and spreads a full line over the whole width, as justified Chinese text is set.
/// </summary>
internal sealed class PdfText(XGraphics measure)
{
    private const double Tolerance = 0.01;

    // Closing punctuation may not start a line; opening punctuation may not end one.
    private const string ClosingSigns = "，。、；：？！）》」』】〕〉］｝”’…—·%‰,.;:?!)]}";
    private const string OpeningSigns = "（《「『【〔〈［｛“‘([{";

    private readonly Dictionary<(Typeface Face, double Size, bool Bold), XFont> _fonts = [];
    private readonly Dictionary<(string Family, bool Bold, int CodePoint), double> _advances = [];
    private readonly Dictionary<(string Family, int CodePoint), bool> _covered = [];

    public XFont Font(Typeface face, double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((face, size, bold), out var font))
        {
            font = PdfFonts.Create(face, size, bold);
            _fonts.Add((face, size, bold), font);
        }

        return font;
    }

    /// <summary>The glyphs of some runs at a size; <paramref name="scale"/> narrows every advance (the 28-character grid).</summary>
    public List<Glyph> Shape(IEnumerable<TextRun> runs, double size, double scale = 1, bool bold = false)
    {
        var glyphs = new List<Glyph>();
        foreach (var run in runs)
        {
            var font = Font(run.Face, size, bold);
            foreach (var rune in run.Text.EnumerateRunes())
            {
                if (Rune.IsControl(rune))
                {
                    continue;
                }

                var glyphFont = font;
                if (!Covers(run.Face, font, rune) && run.Face != Typeface.Hei)
                {
                    glyphFont = Font(Typeface.Hei, size, bold);
                }

                var text = rune.ToString();
                glyphs.Add(new Glyph(text, glyphFont, Advance(glyphFont, rune) * size * scale, Classify(rune)));
            }
        }

        return glyphs;
    }

    public List<Glyph> Shape(string text, Typeface face, double size, double scale = 1, bool bold = false) =>
        Shape([new TextRun(text, face)], size, scale, bold);

    private bool Covers(Typeface face, XFont font, Rune rune)
    {
        var key = (font.FontFamily.Name, rune.Value);
        if (!_covered.TryGetValue(key, out var covered))
        {
            covered = face == Typeface.Hei || PdfFonts.Covers(font, rune);
            _covered.Add(key, covered);
        }

        return covered;
    }

    /// <summary>The advance of a character per point of font size.</summary>
    private double Advance(XFont font, Rune rune)
    {
        var key = (font.FontFamily.Name, font.Bold, rune.Value);
        if (!_advances.TryGetValue(key, out var advance))
        {
            advance = measure.MeasureString(rune.ToString(), font).Width / font.Size;
            _advances.Add(key, advance);
        }

        return advance;
    }

    private static GlyphClass Classify(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return GlyphClass.Space;
        }

        if (rune.IsBmp && ClosingSigns.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return GlyphClass.Closing;
        }

        if (rune.IsBmp && OpeningSigns.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return GlyphClass.Opening;
        }

        return TextWidth.IsWide(rune) ? GlyphClass.Ideograph : GlyphClass.Latin;
    }

    /// <summary>Whether a line may break between glyphs <paramref name="index"/> − 1 and <paramref name="index"/>.</summary>
    private static bool CanBreakBefore(IReadOnlyList<Glyph> glyphs, int index)
    {
        var before = glyphs[index - 1].Class;
        var after = glyphs[index].Class;
        return after != GlyphClass.Closing && after != GlyphClass.Space && before != GlyphClass.Opening &&
            !(before == GlyphClass.Latin && after == GlyphClass.Latin);
    }

    /// <summary>Breaks glyphs into lines of the given widths (the first line may be shorter, for its indent).</summary>
    public static List<TextLine> Break(IReadOnlyList<Glyph> glyphs, double firstWidth, double width)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start < glyphs.Count)
        {
            var limit = lines.Count == 0 ? firstWidth : width;
            double used = 0;
            var lastBreak = -1;
            var index = start;
            while (index < glyphs.Count)
            {
                if (index > start && CanBreakBefore(glyphs, index))
                {
                    lastBreak = index;
                }

                var glyph = glyphs[index];
                if (index > start && glyph.Class != GlyphClass.Space && used + glyph.Advance > limit + Tolerance)
                {
                    break;
                }

                used += glyph.Advance;
                index++;
            }

            var end = index >= glyphs.Count ? glyphs.Count : lastBreak > start ? lastBreak : index;
            var visibleEnd = end;
            while (visibleEnd > start && glyphs[visibleEnd - 1].Class == GlyphClass.Space)
            {
                visibleEnd--;
            }

            lines.Add(new TextLine(start, visibleEnd, end >= glyphs.Count));
            start = end;
            while (start < glyphs.Count && glyphs[start].Class == GlyphClass.Space)
            {
                start++;
            }
        }

        if (lines.Count == 0)
        {
            lines.Add(new TextLine(0, 0, true));
        }

        return lines;
    }

    public static double Width(IReadOnlyList<Glyph> glyphs, TextLine line)
    {
        double width = 0;
        for (var i = line.Start; i < line.End; i++)
        {
            width += glyphs[i].Advance;
        }

        return width;
    }

    /// <summary>
    /// Draws a line from <paramref name="x"/> on a baseline. With <paramref name="justifyTo"/>, a line that is
    /// not its paragraph's last is spread to that width between its characters (never inside a Latin word).
    /// </summary>
    public static void Draw(XGraphics graphics, IReadOnlyList<Glyph> glyphs, TextLine line, double x, double baseline, double? justifyTo = null)
    {
        var gap = 0.0;
        if (justifyTo is { } target && !line.IsLast)
        {
            var gaps = 0;
            for (var i = line.Start + 1; i < line.End; i++)
            {
                if (!(glyphs[i - 1].Class == GlyphClass.Latin && glyphs[i].Class == GlyphClass.Latin))
                {
                    gaps++;
                }
            }

            var extra = target - Width(glyphs, line);
            if (gaps > 0 && extra > 0)
            {
                gap = extra / gaps;
            }
        }

        for (var i = line.Start; i < line.End; i++)
        {
            var glyph = glyphs[i];
            if (glyph.Class != GlyphClass.Space)
            {
                graphics.DrawString(glyph.Text, glyph.Font, XBrushes.Black, x, baseline);
            }

            x += glyph.Advance;
            if (i + 1 < line.End && !(glyph.Class == GlyphClass.Latin && glyphs[i + 1].Class == GlyphClass.Latin))
            {
                x += gap;
            }
        }
    }
}
