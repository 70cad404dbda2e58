using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovInfoPortal.Documents.Tests.Excel;

/// <summary>Reading back a rendered workbook: its sheets by name, cells by address, numbers and merged ranges.</summary>
internal static class Workbooks
{
    public static SpreadsheetDocument Open(byte[] workbook) => SpreadsheetDocument.Open(new MemoryStream(workbook), false);

    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!;
    }

    public static Cell CellAt(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>The number in a cell, which must be a numeric cell; null for a cell without a value.</summary>
    public static decimal? Number(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        if (cell.CellValue is null)
        {
            return null;
        }

        Assert.Equal(CellValues.Number, cell.DataType?.Value ?? CellValues.Number);
        return decimal.Parse(cell.CellValue.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static HashSet<string> Merges(Worksheet sheet) =>
        sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToHashSet();
}
