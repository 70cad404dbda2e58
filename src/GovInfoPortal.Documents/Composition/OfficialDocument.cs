using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents.Composition;

/// <summary>The typefaces of an official document: 宋 for the title and body, 楷 and 黑 for headings.</summary>
internal enum Typeface
{
    Song,
    Kai,
    Hei,
}

internal enum ParagraphRole
{
    /// <summary>Body text, indented two characters on its first line.</summary>
    Body,

    /// <summary>「一、」 in 黑体.</summary>
    Heading1,

    /// <summary>「（一）」 in 楷体.</summary>
    Heading2,

    /// <summary>「1.」 in the body face.</summary>
    Heading3,

    /// <summary>「（1）」 in the body face.</summary>
    Heading4,
}

internal sealed record TextRun(string Text, Typeface Face);

internal abstract record DocumentBlock;

internal sealed record DocumentParagraph(ParagraphRole Role, IReadOnlyList<TextRun> Runs) : DocumentBlock
{
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public bool IsHeading => Role != ParagraphRole.Body;

    public static DocumentParagraph Body(string text) => new(ParagraphRole.Body, [new TextRun(text, Typeface.Song)]);

    public static DocumentParagraph Heading1(string text) => new(ParagraphRole.Heading1, [new TextRun(text, Typeface.Hei)]);
}

internal sealed record DocumentTableBlock(DocumentTable Table) : DocumentBlock;

/// <summary>
/// The end of the document: the body that issues it, the date and the 签发人, as GB/T 9704 places an
/// unsealed document's signature (right-aligned, two characters from the right edge).
/// </summary>
internal sealed record DocumentSignature(string Organization, string? Date, string? SignedBy)
{
    /// <summary>
    /// GB/T 9704-2012 7.3.5.2: the name ends two characters from the right; the date starts two characters
    /// right of the name's first character, unless it is the longer line, in which case the date ends two
    /// characters from the right and the name moves left to keep the offset. Widths and results in ems.
    /// </summary>
    public static (double NameRightIndent, double DateRightIndent) RightIndents(double nameWidth, double dateWidth)
    {
        const double margin = OfficialPage.IndentCharacters;
        var dateRight = margin + nameWidth - margin - dateWidth;
        if (dateRight >= margin)
        {
            return (margin, dateRight);
        }

        return (margin + dateWidth + margin - nameWidth, margin);
    }
}

/// <summary>
/// A report as an official document: the title, the six parts in order (narrative as paragraphs and
/// headings, the tables in the official layout) and the signature; for a legacy report the title, a note on
/// the archived document and its headline figures. The PDF and Word renderings both draw this.
/// </summary>
internal sealed record OfficialDocument(
    string Title,
    IReadOnlyList<string> TitleLines,
    IReadOnlyList<DocumentBlock> Blocks,
    DocumentSignature Signature,
    string Author)
{
    /// <summary>
    /// A title that does not fit one line breaks between the body's name and the year (a character to spare
    /// for the heavier, slightly wider title face).
    /// </summary>
    private const double TitleLineEms = (OfficialPage.TextWidthMm / (OfficialPage.TitleSize * 25.4 / 72)) - 1;

    public static OfficialDocument For(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = ReportFileNames.Title(report);
        var shortName = ReportFileNames.ShortName(report.Organization.Name, report.Organization.Parent);
        IReadOnlyList<string> titleLines = TextWidth.Ems(title) <= TitleLineEms
            ? [title]
            : [shortName, title[shortName.Length..]];

        var definition = report.Definition();
        var blocks = definition.HasTables ? Parts(report, definition) : Legacy(report);
        var signature = new DocumentSignature(
            report.Organization.Name,
            report.PublishedOn is { } date ? TextWidth.Date(date) : null,
            report.SignedBy);
        return new OfficialDocument(title, titleLines, blocks, signature, report.Organization.Name);
    }

    private static List<DocumentBlock> Parts(ReportDocument report, FormatDefinition definition)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var part in definition.Parts)
        {
            blocks.Add(DocumentParagraph.Heading1(part.Heading));
            if (part.Table is { } table)
            {
                blocks.Add(new DocumentTableBlock(DocumentTable.For(OfficialTableLayout.For(table), report.Table(table.Code))));
            }
            else if (part.Narrative is { } narrative)
            {
                blocks.AddRange(NarrativeText.Paragraphs(report.Sections[narrative.Code]));
            }
        }

        return blocks;
    }

    private static List<DocumentBlock> Legacy(ReportDocument report)
    {
        var note = report.Document is { Length: > 0 } file
            ? $"本报告为{report.Year}年度存档报告，原件为存档文件《{file}》。"
            : $"本报告为{report.Year}年度存档报告。";
        if (!report.LegacyFigures.IsEmpty)
        {
            note += "下表为其统计数据的主要指标。";
        }

        var blocks = new List<DocumentBlock> { DocumentParagraph.Body(note) };
        if (!report.LegacyFigures.IsEmpty)
        {
            blocks.Add(new DocumentTableBlock(DocumentTable.ForLegacyFigures(report.LegacyFigures)));
        }

        return blocks;
    }
}
