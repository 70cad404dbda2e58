using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Word;

/// <summary>
/// The Word download: the report as an official document after GB/T 9704-2012 — A4, the 22 × 28 line grid,
/// real styles for the title, headings and body, the tables in the official merged-cell layout and the
/// page number 「— 1 —」 in even and odd footers.
/// </summary>
public sealed class WordRenderer : IReportRenderer
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string Extension => "docx";

    public string ContentType => MediaType;

    public Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default) =>
        RenderedOutput.CopyAsync(Render(report), output, cancellationToken);

    public static byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var content = OfficialDocument.For(report);
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = content.Title;
            package.PackageProperties.Creator = content.Author;
            package.PackageProperties.Subject = "政府信息公开工作年度报告";
            package.PackageProperties.Language = "zh-CN";
            if (report.Fingerprint is { } fingerprint)
            {
                // The published version's content fingerprint, as the PDF states it (dc:identifier and the keywords).
                package.PackageProperties.Identifier = fingerprint;
                package.PackageProperties.Keywords = "SHA-256 " + fingerprint;
            }

            var main = package.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = WordStyles.Create();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = WordStyles.Settings();
            var oddFooter = main.AddNewPart<FooterPart>();
            oddFooter.Footer = new Footer(PageNumber(oddPage: true));
            var evenFooter = main.AddNewPart<FooterPart>();
            evenFooter.Footer = new Footer(PageNumber(oddPage: false));

            var body = new Body();
            body.Append(Title(content.TitleLines));
            foreach (var block in content.Blocks)
            {
                body.Append(block switch
                {
                    DocumentParagraph paragraph => Paragraph(paragraph),
                    DocumentTableBlock table => WordTable.Create(table.Table),
                    _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
                });
            }

            body.Append(Signature(content.Signature));
            body.Append(Section(main.GetIdOfPart(oddFooter), main.GetIdOfPart(evenFooter)));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    private static Paragraph Title(IReadOnlyList<string> lines)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = WordStyles.TitleStyle }));
        for (var i = 0; i < lines.Count; i++)
        {
            var run = new Run();
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(Text(lines[i]));
            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Paragraph Paragraph(DocumentParagraph paragraph)
    {
        var result = new Paragraph();
        if (WordStyles.ParagraphStyle(paragraph.Role) is { } style)
        {
            result.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        foreach (var run in paragraph.Runs)
        {
            result.Append(Run(run, paragraph.Role));
        }

        return result;
    }

    /// <summary>A run; a face other than the paragraph style's (a 楷体 heading run into a body paragraph) is set on the run.</summary>
    private static Run Run(TextRun run, ParagraphRole role)
    {
        var result = new Run();
        if (run.Face != WordStyles.StyleFace(role))
        {
            var font = WordStyles.FontName(run.Face);
            result.Append(new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }));
        }

        result.Append(Text(run.Text));
        return result;
    }

    internal static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>One empty line under the text, then the 签发人, the body's name and the date, placed as GB/T 9704 places them.</summary>
    private static IEnumerable<OpenXmlElement> Signature(DocumentSignature signature)
    {
        var (nameIndent, dateIndent) = DocumentSignature.RightIndents(
            TextWidth.Ems(signature.Organization), signature.Date is null ? 0 : TextWidth.Ems(signature.Date));
        yield return new Paragraph();
        if (signature.SignedBy is { Length: > 0 } signer)
        {
            var paragraph = SignatureLine(nameIndent);
            paragraph.Append(new Run(Text("签发人：")), Run(new TextRun(signer, Typeface.Kai), ParagraphRole.Body));
            yield return paragraph;
        }

        var name = SignatureLine(nameIndent);
        name.Append(new Run(Text(signature.Organization)));
        yield return name;
        if (signature.Date is { } date)
        {
            var line = SignatureLine(dateIndent);
            line.Append(new Run(Text(date)));
            yield return line;
        }
    }

    private static Paragraph SignatureLine(double rightIndentEms)
    {
        var chars = (int)Math.Round(rightIndentEms * 100);
        return new Paragraph(new ParagraphProperties(
            new KeepNext(),
            new Indentation
            {
                RightChars = chars,
                Right = WordStyles.Twips(rightIndentEms * OfficialPage.BodySize).ToString(System.Globalization.CultureInfo.InvariantCulture),
                FirstLine = "0",
                FirstLineChars = 0,
            },
            new Justification { Val = JustificationValues.Right }));
    }

    /// <summary>「— 1 —」: odd pages right and even pages left, one character in from the text block's edge.</summary>
    private static Paragraph PageNumber(bool oddPage)
    {
        var oneCharacter = WordStyles.Twips(OfficialPage.PageNumberSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = WordStyles.FooterStyle },
                oddPage ? new Indentation { Right = oneCharacter } : new Indentation { Left = oneCharacter },
                new Justification { Val = oddPage ? JustificationValues.Right : JustificationValues.Left }),
            new Run(Text("— ")),
            new SimpleField(new Run(Text("1"))) { Instruction = " PAGE " },
            new Run(Text(" —")));
    }

    private static SectionProperties Section(string oddFooterId, string evenFooterId)
    {
        var twips = (double mm) => (UInt32Value)(uint)Math.Round(mm / 25.4 * 1440);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooterId },
            new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterId },
            new PageSize { Width = twips(OfficialPage.WidthMm), Height = twips(OfficialPage.HeightMm) },
            new PageMargin
            {
                Top = (int)twips(OfficialPage.TopMarginMm).Value,
                Bottom = (int)twips(OfficialPage.BottomMarginMm).Value,
                Left = twips(OfficialPage.LeftMarginMm),
                Right = twips(OfficialPage.RightMarginMm),
                Header = twips(15),

                // The footer's line sits so that its dashes stand about 7 mm under the text block.
                Footer = twips(OfficialPage.BottomMarginMm - OfficialPage.PageNumberGapMm - 3.5),
                Gutter = 0,
            },
            // A line grid of 22 lines. The 28 characters a line come from the body's character spacing
            // (WordStyles), not from a character grid: LibreOffice gives each character wider than a
            // character-grid cell two cells, which would spread 3号 text over half the line.
            new DocGrid
            {
                Type = DocGridValues.Lines,
                LinePitch = (int)Math.Round(WordStyles.Twips(OfficialPage.LinePitch)),
            });
    }
}
