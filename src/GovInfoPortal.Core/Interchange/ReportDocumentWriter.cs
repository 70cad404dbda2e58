using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Interchange;

/// <summary>
/// Writes <c>govinfo-annual-report/1</c>: every cell of the format's tables in the official order,
/// grouped rows nested one level, empty cells as <c>null</c>. A stored version's <see cref="ReportDocument.Fingerprint"/>
/// is written as <c>fingerprint</c>; its canonical form (<see cref="WriteCanonical(Stream, ReportDocument)"/>,
/// <see cref="ReportFingerprint"/>) leaves it out.
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

    /// <summary>The canonical form the fingerprint is taken over (<see cref="ReportFingerprint"/> defines it).</summary>
    public static void WriteCanonical(Stream utf8, ReportDocument document)
    {
        using var writer = new Utf8JsonWriter(utf8, Compact);
        Write(writer, document, canonical: true);
    }

    public static void Write(Utf8JsonWriter writer, ReportDocument document) => Write(writer, document, canonical: false);

    private static void Write(Utf8JsonWriter writer, ReportDocument document, bool canonical)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        Func<string?, string?> text = canonical ? value => value is null ? null : ReportFingerprint.NormalizeText(value) : value => value;

        writer.WriteStartObject();
        writer.WriteString("schema", ReportDocument.SchemaId);
        if (!canonical && document.Fingerprint is { } fingerprint)
        {
            writer.WriteString("fingerprint", fingerprint);
        }

        writer.WriteStartObject("organization");
        writer.WriteString("name", text(document.Organization.Name));
        WriteOptional(writer, "code", document.Organization.Code);
        if (!canonical)
        {
            WriteOptional(writer, "parent", document.Organization.Parent);
            if (document.Organization.Kind is { } kind)
            {
                writer.WriteString("kind", kind.Code());
            }
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
            writer.WriteString(code, text(document.Sections[code]));
        }

        writer.WriteEndObject();

        foreach (var table in definition.Tables)
        {
            WriteTable(writer, table, document.Table(table.Code), canonical);
        }

        if (document.Format == ReportFormat.Legacy)
        {
            WriteOptional(writer, "document", document.Document is { } file ? text(file) : null);
            writer.WriteStartObject("legacyFigures");
            var figures = canonical
                ? document.LegacyFigures.Cells.Select(c => (Name: text(c.Key)!, c.Value)).OrderBy(c => c.Name, StringComparer.Ordinal)
                : document.LegacyFigures.Cells.Select(c => (Name: c.Key, c.Value));
            foreach (var (name, value) in figures)
            {
                WriteNumber(writer, name, value, canonical);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>One table as the interchange format nests it (also the shape of the API's statistics).</summary>
    public static void WriteTable(Utf8JsonWriter writer, TableDefinition table, ReportTable values) => WriteTable(writer, table, values, canonical: false);

    private static void WriteTable(Utf8JsonWriter writer, TableDefinition table, ReportTable values, bool canonical)
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
                WriteNumber(writer, column.Code, cells[column.Code], canonical);
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
    public static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value) => WriteNumber(writer, name, value, canonical: false);

    /// <summary>A figure; in the canonical form without trailing zeros (26.0 and 26 are one figure).</summary>
    private static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value, bool canonical)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number && canonical)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(number.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else if (value is { } plain)
        {
            writer.WriteNumber(name, plain);
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
