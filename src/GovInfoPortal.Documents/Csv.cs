using System.Globalization;
using System.Text;

namespace GovInfoPortal.Documents;

/// <summary>
/// CSV as the downloads write it: RFC 4180 (comma-separated, CRLF line ends, a field with a comma, a quote or a line
/// break quoted, quotes doubled), UTF-8 with a byte order mark so that spreadsheet programs read Chinese correctly.
/// </summary>
internal static class Csv
{
    /// <summary>A writer of <paramref name="output"/> that writes the byte order mark first and leaves the stream open.</summary>
    public static StreamWriter Writer(Stream output) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16384, leaveOpen: true) { NewLine = "\r\n" };

    public static void WriteLine(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Escape(fields[i]));
        }

        writer.WriteLine();
    }

    /// <summary>Quotes a field when needed, and defuses leading characters that spreadsheets would run as formulas.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '@' or '\t' or '\r' || (field.StartsWith('-') && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
