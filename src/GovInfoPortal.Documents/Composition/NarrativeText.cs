using System.Text.RegularExpressions;

namespace GovInfoPortal.Documents.Composition;

/// <summary>
/// Turns a narrative part as a clerk typed it into paragraphs: one per line. A line that starts with a
/// numbering of the official hierarchy becomes that level — 「（一）」 second level (楷体), 「1.」 third,
/// 「（1）」 fourth (body face). When such a line goes on after its first sentence (「（一）主动公开。本年度…」),
/// only that first sentence is the heading, run into the paragraph as official documents print it.
/// </summary>
internal static partial class NarrativeText
{
    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex SecondLevel();

    [GeneratedRegex(@"^\d{1,3}[.．、](?!\d)")]
    private static partial Regex ThirdLevel();

    [GeneratedRegex(@"^[（(]\d{1,3}[）)]")]
    private static partial Regex FourthLevel();

    private static readonly char[] SentenceEnds = ['。', '！', '？'];

    public static IEnumerable<DocumentParagraph> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var raw in text.Split('\n'))
        {
            // Control characters (a stray tab, or worse) have no place in a printed line, nor in Word's XML.
            var line = string.Concat(raw.Select(c => char.IsControl(c) ? ' ' : c)).Trim().Trim('\u3000').Trim();
            if (line.Length > 0)
            {
                yield return Paragraph(line);
            }
        }
    }

    public static DocumentParagraph Paragraph(string line)
    {
        var (role, face) = SecondLevel().IsMatch(line) ? (ParagraphRole.Heading2, Typeface.Kai)
            : FourthLevel().IsMatch(line) ? (ParagraphRole.Heading4, Typeface.Song)
            : ThirdLevel().IsMatch(line) ? (ParagraphRole.Heading3, Typeface.Song)
            : (ParagraphRole.Body, Typeface.Song);
        if (role == ParagraphRole.Body)
        {
            return DocumentParagraph.Body(line);
        }

        var end = line.IndexOfAny(SentenceEnds);
        if (end < 0 || end == line.Length - 1)
        {
            return new DocumentParagraph(role, [new TextRun(line, face)]);
        }

        // A heading run into its paragraph: the paragraph is body text that starts with the heading.
        return face == Typeface.Song
            ? DocumentParagraph.Body(line)
            : new DocumentParagraph(ParagraphRole.Body, [new TextRun(line[..(end + 1)], face), new TextRun(line[(end + 1)..], Typeface.Song)]);
    }
}
