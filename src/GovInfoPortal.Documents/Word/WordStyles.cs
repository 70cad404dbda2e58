using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Word;

/// <summary>
/// The styles of the Word rendering. Fonts are named, not embedded: Word resolves them on the reader's
/// computer. GB/T 9704 names 方正小标宋 for the title and 仿宋_GB2312 / 楷体_GB2312 for text, but those are
/// add-on fonts most computers lack, and Word would fall back to whatever it likes. So the styles name the
/// fonts every Chinese Windows and Office installs — 宋体 (bold, for the title), 仿宋 for the body, 黑体 and
/// 楷体 for the first two heading levels — as East Asian fonts (w:eastAsia), with Times New Roman for Latin
/// letters and digits, as official document templates do.
/// </summary>
internal static class WordStyles
{
    public const string TitleFont = "宋体";
    public const string BodyFont = "仿宋";
    public const string HeiFont = "黑体";
    public const string KaiFont = "楷体";
    public const string PageNumberFont = "宋体";
    public const string LatinFont = "Times New Roman";

    public const string TitleStyle = "Title";
    public const string TableTextStyle = "TableText";
    public const string FooterStyle = "Footer";
    public const string TableStyle = "OfficialTable";

    /// <summary>
    /// 28 characters of 3号 on a 156 mm line: each character narrowed by a quarter point (in twentieths of a
    /// point), the nearest whole value that fits them (28 × 15.75 pt ≤ 442.2 pt).
    /// </summary>
    private static readonly int BodyCharacterSpacing =
        (int)Math.Floor(Twips((OfficialPage.TextWidth / OfficialPage.CharactersPerLine) - OfficialPage.BodySize));

    /// <summary>Points to twentieths of a point.</summary>
    public static double Twips(double points) => points * 20;

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    public static string FontName(Typeface face) => face switch
    {
        Typeface.Song => BodyFont,
        Typeface.Kai => KaiFont,
        Typeface.Hei => HeiFont,
        _ => throw new ArgumentOutOfRangeException(nameof(face), face, null),
    };

    public static string? ParagraphStyle(ParagraphRole role) => role switch
    {
        ParagraphRole.Heading1 => "Heading1",
        ParagraphRole.Heading2 => "Heading2",
        ParagraphRole.Heading3 => "Heading3",
        ParagraphRole.Heading4 => "Heading4",
        _ => null,
    };

    /// <summary>The face a paragraph style sets, so runs in that face need no fonts of their own.</summary>
    public static Typeface StyleFace(ParagraphRole role) => role switch
    {
        ParagraphRole.Heading1 => Typeface.Hei,
        ParagraphRole.Heading2 => Typeface.Kai,
        _ => Typeface.Song,
    };

    private static RunFonts Fonts(string eastAsia, string? latin = LatinFont) =>
        new() { Ascii = latin ?? eastAsia, HighAnsi = latin ?? eastAsia, EastAsia = eastAsia, ComplexScript = latin ?? eastAsia };

    private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    public static Styles Create()
    {
        var bodySize = HalfPoints(OfficialPage.BodySize);
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont),
                new FontSize { Val = bodySize },
                new FontSizeComplexScript { Val = bodySize },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));

        return new Styles(
            defaults,
            ParagraphStyle("Normal", "Normal", null,
                paragraph: [new Indentation { FirstLine = Twips(2 * OfficialPage.BodySize).ToString(CultureInfo.InvariantCulture), FirstLineChars = 200 }, new Justification { Val = JustificationValues.Both }],
                run: [new Spacing { Val = BodyCharacterSpacing }],
                isDefault: true),
            ParagraphStyle(TitleStyle, "Title", "Normal",
                paragraph: [new KeepNext(), new SpacingBetweenLines { AfterLines = 100, After = "0" }, NoIndent(), new Justification { Val = JustificationValues.Center }],
                run: [Fonts(TitleFont, null), new Bold(), new Spacing { Val = 0 }, new FontSize { Val = HalfPoints(OfficialPage.TitleSize) }, new FontSizeComplexScript { Val = HalfPoints(OfficialPage.TitleSize) }]),
            HeadingStyle(1, HeiFont),
            HeadingStyle(2, KaiFont),
            HeadingStyle(3, null),
            HeadingStyle(4, null),
            ParagraphStyle(TableTextStyle, "Table Text", "Normal",
                paragraph: [new SnapToGrid { Val = false }, NoIndent(), new Justification { Val = JustificationValues.Center }],
                run: [new Spacing { Val = 0 }, new FontSize { Val = HalfPoints(OfficialPage.TableSize) }, new FontSizeComplexScript { Val = HalfPoints(OfficialPage.TableSize) }]),
            ParagraphStyle(FooterStyle, "footer", "Normal",
                paragraph: [new SnapToGrid { Val = false }, NoIndent()],
                run: [Fonts(PageNumberFont, PageNumberFont), new Spacing { Val = 0 }, new FontSize { Val = HalfPoints(OfficialPage.PageNumberSize) }, new FontSizeComplexScript { Val = HalfPoints(OfficialPage.PageNumberSize) }]),
            OfficialTableStyle());
    }

    /// <summary>
    /// Heading levels as GB/T 9704 sets them: 「一、」 黑体, 「（一）」 楷体, 「1.」「（1）」 in the body face, all in 3号
    /// and indented like the body; outline levels make them the document's navigation.
    /// </summary>
    private static Style HeadingStyle(int level, string? font)
    {
        var run = new List<OpenXmlElement>();
        if (font is not null)
        {
            run.Add(Fonts(font));
        }

        return ParagraphStyle($"Heading{level}", $"heading {level}", "Normal",
            paragraph: [new KeepNext(), new OutlineLevel { Val = level - 1 }],
            run: [.. run]);
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, OpenXmlElement[]? paragraph = null, OpenXmlElement[]? run = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is { Length: > 0 })
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }

        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }

        return style;
    }

    /// <summary>The printed form's look: every cell ruled, a little space left and right of the text.</summary>
    private static Style OfficialTableStyle()
    {
        var padding = (short)Math.Round(Twips(TableGeometry.PaddingEms * OfficialPage.TableSize));
        return new Style(
            new StyleName { Val = "Official Table" },
            new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = padding, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = padding, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = TableStyle,
        };
    }

    public static Settings Settings() => new(
        new EvenAndOddHeaders(),
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
}
