using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovInfoPortal.Data.Configurations;

/// <summary>
/// Stores a <see cref="ReportTable"/> as one compact JSON object keyed by the flat (dotted) row code —
/// <c>{"denied.stateSecret":{"naturalPerson":0,…},"granted":{…}}</c> — and a <see cref="TableRow"/> (legacy
/// figures) as one object of its cells. Empty cells are written as <c>null</c>, so a round trip keeps them.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ValueConverter<ReportTable, string> TableConverter = new(
        table => Write(table),
        json => ReadTable(json));

    public static readonly ValueComparer<ReportTable> TableComparer = new(
        (left, right) => Equals(left, right),
        table => table.GetHashCode(),
        table => table);

    public static readonly ValueConverter<TableRow, string> RowConverter = new(
        row => Write(row),
        json => ReadRow(json));

    public static readonly ValueComparer<TableRow> RowComparer = new(
        (left, right) => Equals(left, right),
        row => row.GetHashCode(),
        row => row);

    public static readonly ValueConverter<WarningExplanations, string> ExplanationsConverter = new(
        explanations => Write(explanations),
        json => ReadExplanations(json));

    public static readonly ValueComparer<WarningExplanations> ExplanationsComparer = new(
        (left, right) => Equals(left, right),
        explanations => explanations.GetHashCode(),
        explanations => explanations);

    /// <summary>Whether values of this type are stored as a JSON column (<c>jsonb</c> on PostgreSQL).</summary>
    public static bool IsJsonColumn(Type type) =>
        type == typeof(ReportTable) || type == typeof(TableRow) || type == typeof(WarningExplanations);

    /// <summary>Warning explanations as one object: <c>{"rule|table|row|column":"text"}</c>.</summary>
    public static string Write(WarningExplanations explanations)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (key, text) in explanations.ByKey.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, text);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static WarningExplanations ReadExplanations(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return WarningExplanations.None;
        }

        using var document = JsonDocument.Parse(json);
        return WarningExplanations.Of(document.RootElement.EnumerateObject()
            .Select(property => new KeyValuePair<string, string?>(property.Name, property.Value.GetString()))
            .ToList());
    }

    public static string Write(ReportTable table)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (code, row) in table.Rows)
            {
                writer.WritePropertyName(code);
                WriteCells(writer, row);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Write(TableRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteCells(writer, row);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ReportTable ReadTable(string json)
    {
        using var document = JsonDocument.Parse(json);
        var rows = new List<KeyValuePair<string, TableRow>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            rows.Add(new(property.Name, ReadCells(property.Value)));
        }

        return rows.Count == 0 ? ReportTable.Empty : ReportTable.Of(rows);
    }

    public static TableRow ReadRow(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadCells(document.RootElement);
    }

    private static void WriteCells(Utf8JsonWriter writer, TableRow row)
    {
        writer.WriteStartObject();
        foreach (var (column, value) in row.Cells)
        {
            if (value is { } number)
            {
                writer.WriteNumber(column, number);
            }
            else
            {
                writer.WriteNull(column);
            }
        }

        writer.WriteEndObject();
    }

    private static TableRow ReadCells(JsonElement element)
    {
        var cells = new List<KeyValuePair<string, decimal?>>();
        foreach (var property in element.EnumerateObject())
        {
            cells.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetDecimal()));
        }

        return cells.Count == 0 ? TableRow.Empty : TableRow.Of(cells);
    }
}
