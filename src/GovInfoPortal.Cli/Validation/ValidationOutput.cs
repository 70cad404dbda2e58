using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.Validation;

/// <summary>Writes what <c>validate</c> found, as zh-CN text or as the JSON array of DESIGN.md §5.</summary>
internal static class ValidationOutput
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteText(TextWriter writer, IReadOnlyList<FileValidation> results)
    {
        foreach (var result in results)
        {
            writer.WriteLine(result.File);
            if (result.Report is not { } report)
            {
                foreach (var error in result.Errors)
                {
                    writer.WriteLine($"  无法读取  {error}");
                }

                continue;
            }

            if (report.Clean)
            {
                writer.WriteLine("  无问题");
                continue;
            }

            foreach (var finding in report.Findings)
            {
                writer.WriteLine($"  {SeverityName(finding.Severity)}  {finding.Rule}  {finding.Message}");
            }

            writer.WriteLine($"  共 {report.Findings.Count} 条：错误 {report.Errors.Count()} 条，警告 {report.Warnings.Count()} 条");
        }

        var clean = results.Count(r => r.Report?.Clean == true);
        var withErrors = results.Count(r => r.HasErrors);
        var warningsOnly = results.Count(r => r.Report is { Clean: false, HasErrors: false });
        var unreadable = results.Count(r => !r.Readable);
        writer.WriteLine($"合计：{results.Count} 个文件，{clean} 个无问题，{withErrors} 个有错误，{warningsOnly} 个仅有警告，{unreadable} 个无法读取");
    }

    /// <summary>
    /// One array, one object per file: <c>{ "file", "clean", "findings": [ … ] }</c> for a file that was read,
    /// <c>{ "file", "errors": [ { "path", "message" } ] }</c> for one that could not be.
    /// </summary>
    public static void WriteJson(TextWriter writer, IReadOnlyList<FileValidation> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var result in results)
            {
                WriteFile(json, result);
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteFile(Utf8JsonWriter json, FileValidation result)
    {
        json.WriteStartObject();
        json.WriteString("file", result.File);
        if (result.Report is { } report)
        {
            json.WriteBoolean("clean", report.Clean);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteStartObject();
                json.WriteString("path", error.Path);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule", finding.Rule);
        json.WriteString("severity", finding.Severity == FindingSeverity.Error ? "error" : "warning");
        json.WriteString("table", finding.Table);
        json.WriteString("row", finding.Row);
        json.WriteString("column", finding.Column);
        WriteValue(json, "expected", finding.Expected);
        WriteValue(json, "actual", finding.Actual);
        json.WriteString("message", finding.Message);
        json.WriteEndObject();
    }

    /// <summary>Expected and actual values are numbers (figures) or strings (format codes, dates).</summary>
    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case decimal number:
                json.WriteNumber(name, number);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case double number:
                json.WriteNumber(name, number);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            default:
                json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string SeverityName(FindingSeverity severity) => severity == FindingSeverity.Error ? "错误" : "警告";
}
