using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Interchange;

/// <summary>
/// Writes <c>govinfo-annual-report/1</c>: every cell of the format's tables in the official order,
/// grouped rows nested one level, empty cells as <c>null</c>.
/// </summary>
public static class ReportDocumentWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ReportDocument document, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(buffer, document, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Stream utf8, ReportDocument document, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(utf8, indented ? Indented : Compact);
        Write(writer, document);
    }

    public static void Write(Utf8JsonWriter writer, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);

        writer.WriteStartObject();
        writer.WriteString("schema", ReportDocument.SchemaId);

        writer.WriteStartObject("organization");
        writer.WriteString("name", document.Organization.Name);
        WriteOptional(writer, "code", document.Organization.Code);
        WriteOptional(writer, "parent", document.Organization.Parent);
        if (document.Organization.Kind is { } kind)
        {
            writer.WriteString("kind", kind.Code());
        }

        writer.WriteEndObject();

        writer.WriteNumber("year", document.Year);
        writer.WriteString("format", document.Format.Code());
        if (document.PublishedOn is { } publishedOn)
        {
            writer.WriteString("publishedOn", publishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var definition = FormatDefinition.For(document.Format);
        writer.WriteStartObject("sections");
        foreach (var code in SectionCodes.All)
        {
            writer.WriteString(code, document.Sections[code]);
        }

        writer.WriteEndObject();

        foreach (var table in definition.Tables)
        {
            WriteTable(writer, table, document.Table(table.Code));
        }

        if (document.Format == ReportFormat.Legacy)
        {
            WriteOptional(writer, "document", document.Document);
            writer.WriteStartObject("legacyFigures");
            foreach (var (name, value) in document.LegacyFigures.Cells)
            {
                WriteNumber(writer, name, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>One table as the interchange format nests it (also the shape of the API's statistics).</summary>
    public static void WriteTable(Utf8JsonWriter writer, TableDefinition table, ReportTable values)
    {
        writer.WriteStartObject(table.Code);
        string? openGroup = null;
        foreach (var row in table.Rows)
        {
            if (row.GroupCode != openGroup)
            {
                if (openGroup is not null)
                {
                    writer.WriteEndObject();
                }

                if (row.GroupCode is not null)
                {
                    writer.WriteStartObject(row.GroupCode);
                }

                openGroup = row.GroupCode;
            }

            writer.WriteStartObject(row.LocalCode);
            var cells = values.Row(row.Code);
            foreach (var column in row.Columns)
            {
                WriteNumber(writer, column.Code, cells[column.Code]);
            }

            writer.WriteEndObject();
        }

        if (openGroup is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A figure, or null for an empty one.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
