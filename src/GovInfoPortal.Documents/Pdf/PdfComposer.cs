using GovInfoPortal.Documents.Composition;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// Lays an <see cref="OfficialDocument"/> out on A4 pages after GB/T 9704-2012: text on the grid of 22 lines
/// of 28 characters in the 156 × 225 mm text block, tables in the official merged-cell layout between the
/// lines, and the page number 「— 1 —」 under the text block, right on odd pages and left on even ones.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    private const double Tolerance = 0.01;

    /// <summary>Where the baseline sits in a grid line: the em box centred, ideographs 0.88 em above the baseline.</summary>
    private const double IdeographAscent = 0.88;

    private static readonly double Left = OfficialPage.Points(OfficialPage.LeftMarginMm);
    private static readonly double Top = OfficialPage.Points(OfficialPage.TopMarginMm);
    private static readonly double Width = OfficialPage.TextWidth;
    private static readonly double Height = OfficialPage.TextHeight;
    private static readonly double Pitch = OfficialPage.LinePitch;
    private static readonly double BodyScale = OfficialPage.CharacterPitch / OfficialPage.BodySize;

    private readonly PdfDocument _document;
    private readonly XGraphics _measure;
    private readonly PdfText _text;
    private readonly PdfTableDrawer _tables;
    private XGraphics? _graphics;
    private int _pageCount;

    /// <summary>How far down the text block the next line or table starts.</summary>
    private double _y;

    public PdfComposer(PdfDocument document)
    {
        _document = document;
        _measure = XGraphics.CreateMeasureContext(new XSize(OfficialPage.Points(OfficialPage.WidthMm), OfficialPage.Points(OfficialPage.HeightMm)), XGraphicsUnit.Point, XPageDirection.Downwards, document.RenderEvents);
        _text = new PdfText(_measure);
        _tables = new PdfTableDrawer(_text);
    }

    private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

    public void Compose(OfficialDocument document)
    {
        NewPage();
        foreach (var line in document.TitleLines)
        {
            CenteredLine(_text.Shape(line, Typeface.Song, OfficialPage.TitleSize, bold: true), OfficialPage.TitleSize);
        }

        _y += Pitch; // one empty line under the title
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var next = i + 1 < document.Blocks.Count ? document.Blocks[i + 1] : null;
            switch (document.Blocks[i])
            {
                case DocumentParagraph paragraph:
                    Paragraph(paragraph, next);
                    break;
                case DocumentTableBlock table:
                    Table(table.Table);
                    break;
            }
        }

        Signature(document.Signature);
        FinishPage();
    }

    private void Paragraph(DocumentParagraph paragraph, DocumentBlock? next)
    {
        var indent = OfficialPage.IndentCharacters * OfficialPage.CharacterPitch;
        var glyphs = _text.Shape(paragraph.Runs, OfficialPage.BodySize, BodyScale);
        var lines = PdfText.Break(glyphs, Width - indent, Width);
        if (paragraph.IsHeading)
        {
            // A heading stays with the first line (or the heading rows) of what follows it.
            var following = next switch
            {
                DocumentTableBlock table => _tables.MinimumHeight(table.Table),
                null => 0,
                _ => Pitch,
            };
            EnsureRoom((lines.Count * Pitch) + following);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(Pitch);
            PdfText.Draw(Graphics, glyphs, lines[i], Left + (i == 0 ? indent : 0), Baseline(OfficialPage.BodySize), Width - (i == 0 ? indent : 0));
            _y += Pitch;
        }
    }

    /// <summary>A line of the title, centred (wrapped should it still be too long).</summary>
    private void CenteredLine(List<Glyph> glyphs, double size)
    {
        foreach (var line in PdfText.Break(glyphs, Width, Width))
        {
            EnsureRoom(Pitch);
            var x = Left + ((Width - PdfText.Width(glyphs, line)) / 2);
            PdfText.Draw(Graphics, glyphs, line, x, Baseline(size));
            _y += Pitch;
        }
    }

    private void Table(DocumentTable table)
    {
        _y = _tables.Draw(table, _y, Height, Left, Width, NewPageForTable, () => Graphics);

        // Text after a table goes back onto the line grid.
        _y = Math.Ceiling((_y / Pitch) - Tolerance) * Pitch;
    }

    private double NewPageForTable()
    {
        NewPage();
        return 0;
    }

    /// <summary>The signature: one empty line under the text, then 签发人, the body and the date, kept together.</summary>
    private void Signature(DocumentSignature signature)
    {
        var glyphs = new List<List<Glyph>>();
        if (signature.SignedBy is { Length: > 0 } signedBy)
        {
            // The label in the body face, the name in 楷体, as GB/T 9704 sets 签发人.
            glyphs.Add(_text.Shape([new TextRun("签发人：", Typeface.Song), new TextRun(signedBy, Typeface.Kai)], OfficialPage.BodySize, BodyScale));
        }

        var name = _text.Shape(signature.Organization, Typeface.Song, OfficialPage.BodySize, BodyScale);
        var date = signature.Date is { } text ? _text.Shape(text, Typeface.Song, OfficialPage.BodySize, BodyScale) : null;
        var (nameIndent, dateIndent) = DocumentSignature.RightIndents(Ems(name), date is null ? 0 : Ems(date));
        glyphs.Add(name);

        EnsureRoom((glyphs.Count + (date is null ? 1 : 2)) * Pitch);
        _y += Pitch;
        foreach (var line in glyphs)
        {
            DrawRight(line, nameIndent);
        }

        if (date is not null)
        {
            DrawRight(date, dateIndent);
        }
    }

    private static double Ems(List<Glyph> glyphs) => glyphs.Sum(g => g.Advance) / OfficialPage.CharacterPitch;

    private void DrawRight(List<Glyph> glyphs, double rightIndentEms)
    {
        var width = glyphs.Sum(g => g.Advance);
        var x = Math.Max(Left, Left + Width - (rightIndentEms * OfficialPage.CharacterPitch) - width);
        PdfText.Draw(Graphics, glyphs, new TextLine(0, glyphs.Count, true), x, Baseline(OfficialPage.BodySize));
        _y += Pitch;
    }

    private double Baseline(double size) => Top + _y + ((Pitch - size) / 2) + (IdeographAscent * size);

    private void EnsureRoom(double height)
    {
        if (_y > 0 && _y + height > Height + Tolerance)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        FinishPage();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _pageCount++;
        _y = 0;
    }

    /// <summary>Numbers the page last, so that its text reads (and is extracted) in order.</summary>
    private void FinishPage()
    {
        if (_graphics is not null)
        {
            PageNumber(_pageCount);
            _graphics.Dispose();
            _graphics = null;
        }
    }

    /// <summary>「— 1 —」 in 4号 under the text block: odd pages right, even pages left, one character in from the edge.</summary>
    private void PageNumber(int number)
    {
        var size = OfficialPage.PageNumberSize;
        var glyphs = _text.Shape($"— {number} —", Typeface.Song, size);
        var width = glyphs.Sum(g => g.Advance);
        var x = number % 2 == 1 ? Left + Width - size - width : Left + size;
        var baseline = Top + Height + OfficialPage.Points(OfficialPage.PageNumberGapMm) + (0.35 * size);
        PdfText.Draw(Graphics, glyphs, new TextLine(0, glyphs.Count, true), x, baseline);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _measure.Dispose();
    }
}
