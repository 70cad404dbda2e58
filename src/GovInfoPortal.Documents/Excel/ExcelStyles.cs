using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Excel;

/// <summary>The workbook's cell formats: ruled table cells with wrapped labels, figures as numbers.</summary>
internal static class ExcelStyles
{
    public const string FontName = "宋体";
    public const double FontSize = 11;

    public const uint Title = 1;
    public const uint Heading = 2;
    public const uint ColumnHeader = 3;
    public const uint RowHeader = 4;
    public const uint Count = 5;
    public const uint Amount = 6;
    public const uint SignedCount = 7;
    public const uint Note = 8;
    public const uint InfoLabel = 9;
    public const uint InfoText = 10;
    public const uint InfoDate = 11;
    public const uint InfoNumber = 12;

    private const uint AmountFormat = 164;
    private const uint SignedFormat = 165;
    private const uint DateFormat = 166;

    public static uint ForCell(GridCell cell) => cell.Role switch
    {
        GridCellRole.ColumnHeader => ColumnHeader,
        GridCellRole.RowHeader => RowHeader,
        GridCellRole.Note => Note,
        _ => cell.Kind switch
        {
            CellKind.Amount => Amount,
            CellKind.SignedCount => SignedCount,
            _ => Count,
        },
    };

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = AmountFormat, FormatCode = "0.00###" },
            new NumberingFormat { NumberFormatId = SignedFormat, FormatCode = "+0;-0;0" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" })
        { Count = 3 },
        new Fonts(Font(FontSize, bold: false), Font(14, bold: true), Font(FontSize, bold: true)) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            Format(fontId: 1, horizontal: HorizontalAlignmentValues.Center),
            Format(fontId: 2, horizontal: HorizontalAlignmentValues.Left),
            Format(borderId: 1, horizontal: HorizontalAlignmentValues.Center, wrap: true),
            Format(borderId: 1, horizontal: HorizontalAlignmentValues.Left, wrap: true),
            Format(borderId: 1, horizontal: HorizontalAlignmentValues.Center),
            Format(borderId: 1, numberFormatId: AmountFormat, horizontal: HorizontalAlignmentValues.Center),
            Format(borderId: 1, numberFormatId: SignedFormat, horizontal: HorizontalAlignmentValues.Center),
            Format(borderId: 1, horizontal: HorizontalAlignmentValues.Left, wrap: true),
            Format(fontId: 2, horizontal: HorizontalAlignmentValues.Left, vertical: VerticalAlignmentValues.Top),
            Format(horizontal: HorizontalAlignmentValues.Left, vertical: VerticalAlignmentValues.Top, wrap: true),
            Format(numberFormatId: DateFormat, horizontal: HorizontalAlignmentValues.Left, vertical: VerticalAlignmentValues.Top),
            Format(numberFormatId: 1, horizontal: HorizontalAlignmentValues.Left, vertical: VerticalAlignmentValues.Top))
        { Count = 13 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(
            new FontSize { Val = size },
            new FontName { Val = FontName },
            new FontFamilyNumbering { Val = 3 },
            new FontCharSet { Val = 134 }); // GB2312: tells Excel the font is Chinese
        return font;
    }

    private static CellFormat Format(
        uint fontId = 0,
        uint borderId = 0,
        uint numberFormatId = 0,
        HorizontalAlignmentValues? horizontal = null,
        VerticalAlignmentValues? vertical = null,
        bool wrap = false)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = 0,
            BorderId = borderId,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0,
            ApplyFont = fontId != 0,
            ApplyBorder = borderId != 0,
            ApplyAlignment = true,
        };
        format.Append(new Alignment
        {
            Horizontal = horizontal,
            Vertical = vertical ?? VerticalAlignmentValues.Center,
            WrapText = wrap ? BooleanValue.FromBoolean(true) : null,
        });
        return format;
    }
}
