namespace GovInfoPortal.Documents.Composition;

/// <summary>
/// The page of an official document after GB/T 9704-2012, shared by the PDF and Word renderings: A4,
/// top margin 37 mm, left 28 mm, a text block of 156 × 225 mm holding 22 lines of 28 characters in 3号 (16 pt).
/// </summary>
internal static class OfficialPage
{
    public const double WidthMm = 210;
    public const double HeightMm = 297;
    public const double TopMarginMm = 37;
    public const double LeftMarginMm = 28;
    public const double TextWidthMm = 156;
    public const double TextHeightMm = 225;
    public const double RightMarginMm = WidthMm - LeftMarginMm - TextWidthMm;
    public const double BottomMarginMm = HeightMm - TopMarginMm - TextHeightMm;

    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;

    /// <summary>2号: the title.</summary>
    public const double TitleSize = 22;

    /// <summary>3号: body text and headings.</summary>
    public const double BodySize = 16;

    /// <summary>五号: table text, smaller than the body so that 表三's ten and 表四's fifteen columns fit the width.</summary>
    public const double TableSize = 10.5;

    /// <summary>4号: page numbers.</summary>
    public const double PageNumberSize = 14;

    /// <summary>The page number's dashes stand 7 mm below the text block.</summary>
    public const double PageNumberGapMm = 7;

    /// <summary>Paragraphs and headings are indented by two characters; the signature keeps two characters from the right.</summary>
    public const int IndentCharacters = 2;

    public static double Points(double mm) => mm * 72 / 25.4;

    public static double TextWidth => Points(TextWidthMm);

    public static double TextHeight => Points(TextHeightMm);

    /// <summary>The height of one of the 22 lines.</summary>
    public static double LinePitch => TextHeight / LinesPerPage;

    /// <summary>The advance of one of the 28 characters of a line (a hair under 16 pt).</summary>
    public static double CharacterPitch => TextWidth / CharactersPerLine;
}
