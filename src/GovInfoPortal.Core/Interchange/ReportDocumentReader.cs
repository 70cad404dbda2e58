using System.Globalization;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Interchange;

/// <summary>
/// Reads <c>govinfo-annual-report/1</c>. A document that is not of the format's shape gets errors naming
/// the JSON path; it is never half read. Empty cells (null or absent) are kept as empty: finding them is
/// the validator's job, not the reader's.
/// </summary>
public static class ReportDocumentReader
{
    /// <summary>Largest document accepted, in bytes.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip };

    // Each entry point takes the reader's "today": given, a year after InputLimits.LastYear(today) is refused, as
    // for anything people or programs send; left out (documents the portal stored itself), the domain's range applies.

    public static DocumentReadResult Read(string json, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement, today);
        }
        catch (JsonException ex)
        {
            return NotJson(ex);
        }
    }

    public static DocumentReadResult Read(ReadOnlyMemory<byte> utf8Json, DateOnly? today = null)
    {
        if (utf8Json.Length > MaxDocumentBytes)
        {
            return Fail("$", $"文件过大（超过 {MaxDocumentBytes / 1024 / 1024} MB）");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json, Options);
            return Read(document.RootElement, today);
        }
        catch (JsonException ex)
        {
            return NotJson(ex);
        }
    }

    public static async Task<DocumentReadResult> ReadAsync(Stream utf8Json, DateOnly? today = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await utf8Json.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return Fail("$", $"文件过大（超过 {MaxDocumentBytes / 1024 / 1024} MB）");
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), today);
    }

    private static DocumentReadResult NotJson(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $"（第 {line + 1} 行，第 {ex.BytePositionInLine + 1} 个字节附近）" : string.Empty;
        return Fail("$", $"不是有效的 JSON 文档{where}");
    }

    private static DocumentReadResult Fail(string path, string message) => new(null, [new DocumentError(path, message)]);

    public static DocumentReadResult Read(JsonElement root, DateOnly? today = null)
    {
        var errors = new List<DocumentError>();
        var document = ReadRoot(root, today, errors);
        return errors.Count > 0 ? new DocumentReadResult(null, errors) : new DocumentReadResult(document, []);
    }

    private static ReportDocument? ReadRoot(JsonElement root, DateOnly? today, List<DocumentError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", $"应为 JSON 对象，实际为{KindName(root)}"));
            return null;
        }

        var schema = RequiredString(root, "schema", "$", errors);
        if (schema is not null && schema != ReportDocument.SchemaId)
        {
            errors.Add(new("$.schema", $"不支持的格式“{schema}”，应为“{ReportDocument.SchemaId}”"));
            return null;
        }

        var organization = ReadOrganization(root, errors);
        var year = ReadYear(root, today, errors);
        var format = ReadFormat(root, errors);
        var publishedOn = ReadDate(root, "publishedOn", "$", errors);
        var fingerprint = OptionalString(root, "fingerprint", "$", errors);
        var sections = ReadSections(root, errors);

        if (format is null)
        {
            return null;
        }

        var definition = FormatDefinition.For(format.Value);
        var tables = new Dictionary<string, ReportTable>();
        foreach (var code in TableCodes.All)
        {
            var table = definition.FindTable(code);
            var present = root.TryGetProperty(code, out var element) && element.ValueKind != JsonValueKind.Null;
            if (table is null)
            {
                if (present)
                {
                    errors.Add(new($"$.{code}", $"“{format.Value.Code()}”格式的报告不含此表"));
                }

                continue;
            }

            if (!present)
            {
                errors.Add(new($"$.{code}", $"缺少表{table.Number}（{table.Title}）"));
                continue;
            }

            tables[code] = ReadTable(table, element, $"$.{code}", errors);
        }

        string? legacyDocument = null;
        var legacyFigures = TableRow.Empty;
        if (format == ReportFormat.Legacy)
        {
            legacyDocument = OptionalString(root, "document", "$", errors);
            legacyFigures = ReadLegacyFigures(root, errors);
        }

        if (errors.Count > 0 || organization is null || year is null)
        {
            return null;
        }

        return new ReportDocument
        {
            Organization = organization,
            Year = year.Value,
            Format = format.Value,
            PublishedOn = publishedOn,
            Sections = sections,
            ActiveDisclosure = tables.GetValueOrDefault(TableCodes.ActiveDisclosure) ?? ReportTable.Empty,
            Applications = tables.GetValueOrDefault(TableCodes.Applications) ?? ReportTable.Empty,
            ReviewLitigation = tables.GetValueOrDefault(TableCodes.ReviewLitigation) ?? ReportTable.Empty,
            Document = legacyDocument,
            LegacyFigures = legacyFigures,
            Fingerprint = fingerprint,
        };
    }

    private static OrganizationRef? ReadOrganization(JsonElement root, List<DocumentError> errors)
    {
        if (!root.TryGetProperty("organization", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new("$.organization", "缺少机关信息"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.organization", $"应为对象，实际为{KindName(element)}"));
            return null;
        }

        var before = errors.Count;
        var name = RequiredString(element, "name", "$.organization", errors);
        if (name is not null && (string.IsNullOrWhiteSpace(name) || name.Length > Organization.NameMaxLength))
        {
            errors.Add(new("$.organization.name", $"机关名称不能为空，且不超过 {Organization.NameMaxLength} 个字"));
        }

        var code = OptionalString(element, "code", "$.organization", errors);
        if (code is { Length: > Organization.CodeMaxLength })
        {
            errors.Add(new("$.organization.code", $"机关代码不超过 {Organization.CodeMaxLength} 个字符"));
        }

        var parent = OptionalString(element, "parent", "$.organization", errors);
        var kindCode = OptionalString(element, "kind", "$.organization", errors);
        OrganizationKind? kind = null;
        if (kindCode is not null)
        {
            if (OrganizationKinds.TryParse(kindCode, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add(new("$.organization.kind", $"未知的机关类别“{kindCode}”，应为 government、department 或 township"));
            }
        }

        return errors.Count > before || name is null ? null : new OrganizationRef(name.Trim(), code?.Trim(), parent?.Trim(), kind);
    }

    private static int? ReadYear(JsonElement root, DateOnly? today, List<DocumentError> errors)
    {
        if (!root.TryGetProperty("year", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new("$.year", "缺少报告年度"));
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var year))
        {
            errors.Add(new("$.year", $"报告年度应为整数，实际为{KindName(element)}"));
            return null;
        }

        var refusal = today is { } date
            ? InputLimits.YearRefusal("报告年度", year, date)
            : year is < ReportFormats.MinYear or > ReportFormats.MaxYear ? $"报告年度 {year} 超出范围（{ReportFormats.MinYear}–{ReportFormats.MaxYear}）" : null;
        if (refusal is not null)
        {
            errors.Add(new("$.year", refusal));
            return null;
        }

        return year;
    }

    private static ReportFormat? ReadFormat(JsonElement root, List<DocumentError> errors)
    {
        var code = RequiredString(root, "format", "$", errors);
        if (code is null)
        {
            return null;
        }

        if (!ReportFormats.TryParse(code, out var format))
        {
            errors.Add(new("$.format", $"未知的报告格式“{code}”，应为 2021、2019 或 legacy"));
            return null;
        }

        return format;
    }

    private static DateOnly? ReadDate(JsonElement parent, string name, string parentPath, List<DocumentError> errors)
    {
        var text = OptionalString(parent, name, parentPath, errors);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new($"{parentPath}.{name}", $"日期“{text}”无效，应为 YYYY-MM-DD"));
        return null;
    }

    private static ReportSections ReadSections(JsonElement root, List<DocumentError> errors)
    {
        if (!root.TryGetProperty("sections", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return ReportSections.Empty;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.sections", $"应为对象，实际为{KindName(element)}"));
            return ReportSections.Empty;
        }

        var sections = ReportSections.Empty;
        foreach (var property in element.EnumerateObject())
        {
            var path = $"$.sections.{property.Name}";
            if (!SectionCodes.All.Contains(property.Name))
            {
                errors.Add(new(path, $"未知的文字部分“{property.Name}”，应为 {string.Join("、", SectionCodes.All)}"));
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    var text = property.Value.GetString()!;
                    if (text.Length > ReportSections.MaxLength)
                    {
                        errors.Add(new(path, $"文字过长（超过 {ReportSections.MaxLength} 字）"));
                    }
                    else
                    {
                        sections = sections.With(property.Name, text);
                    }

                    break;
                default:
                    errors.Add(new(path, $"应为文字，实际为{KindName(property.Value)}"));
                    break;
            }
        }

        return sections;
    }

    private static ReportTable ReadTable(TableDefinition table, JsonElement element, string path, List<DocumentError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"应为对象，实际为{KindName(element)}"));
            return ReportTable.Empty;
        }

        var groups = table.Rows.Where(r => r.GroupCode is not null).Select(r => r.GroupCode!).ToHashSet();
        var cells = new List<(string Row, string Column, decimal? Value)>();
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (groups.Contains(property.Name))
            {
                ReadGroup(table, property.Name, property.Value, propertyPath, cells, errors);
            }
            else if (table.FindRow(property.Name) is { GroupCode: null } row)
            {
                ReadRow(row, property.Value, propertyPath, cells, errors);
            }
            else
            {
                errors.Add(new(propertyPath, $"表{table.Number}中没有代码为“{property.Name}”的行"));
            }
        }

        return ReportTable.FromCells(cells);
    }

    private static void ReadGroup(TableDefinition table, string group, JsonElement element, string path,
        List<(string Row, string Column, decimal? Value)> cells, List<DocumentError> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"应为对象，实际为{KindName(element)}"));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (table.FindRow($"{group}.{property.Name}") is { } row)
            {
                ReadRow(row, property.Value, propertyPath, cells, errors);
            }
            else
            {
                errors.Add(new(propertyPath, $"表{table.Number}“{group}”中没有代码为“{property.Name}”的行"));
            }
        }
    }

    private static void ReadRow(RowDefinition row, JsonElement element, string path,
        List<(string Row, string Column, decimal? Value)> cells, List<DocumentError> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"应为对象，实际为{KindName(element)}"));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (row.FindColumn(property.Name) is null)
            {
                errors.Add(new(propertyPath, $"“{row.Label}”中没有代码为“{property.Name}”的列"));
                continue;
            }

            if (TryReadNumber(property.Value, propertyPath, errors, out var value))
            {
                cells.Add((row.Code, property.Name, value));
            }
        }
    }

    private static bool TryReadNumber(JsonElement element, string path, List<DocumentError> errors, out decimal? value)
    {
        value = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                if (InputLimits.CellRefusal(number) is { } refusal)
                {
                    errors.Add(new(path, refusal));
                    return false;
                }

                value = number;
                return true;
            case JsonValueKind.Number:
                errors.Add(new(path, $"数值超出范围，绝对值不能超过 {InputLimits.CellMaxValue}"));
                return false;
            default:
                errors.Add(new(path, $"应为数字或 null，实际为{KindName(element)}"));
                return false;
        }
    }

    private static TableRow ReadLegacyFigures(JsonElement root, List<DocumentError> errors)
    {
        if (!root.TryGetProperty("legacyFigures", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return TableRow.Empty;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.legacyFigures", $"应为对象，实际为{KindName(element)}"));
            return TableRow.Empty;
        }

        var figures = new List<KeyValuePair<string, decimal?>>();
        foreach (var property in element.EnumerateObject())
        {
            var path = $"$.legacyFigures.{property.Name}";
            if (property.Name.Length is 0 or > 100)
            {
                errors.Add(new(path, "指标名称不能为空，且不超过 100 个字"));
            }
            else if (TryReadNumber(property.Value, path, errors, out var value))
            {
                figures.Add(new(property.Name, value));
            }
        }

        return TableRow.Of(figures);
    }

    private static string? RequiredString(JsonElement parent, string name, string parentPath, List<DocumentError> errors)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new($"{parentPath}.{name}", "缺少必填项"));
            return null;
        }

        return OptionalString(parent, name, parentPath, errors);
    }

    private static string? OptionalString(JsonElement parent, string name, string parentPath, List<DocumentError> errors)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new($"{parentPath}.{name}", $"应为文字，实际为{KindName(element)}"));
            return null;
        }

        return element.GetString();
    }

    private static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "对象",
        JsonValueKind.Array => "数组",
        JsonValueKind.String => $"文字“{Truncate(element.GetString()!)}”",
        JsonValueKind.Number => $"数字 {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "布尔值",
        JsonValueKind.Null => "null",
        _ => "未知类型",
    };

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
