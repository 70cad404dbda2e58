using System.Globalization;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Pages.Shared;

namespace GovInfoPortal.Web.Clerk;

/// <summary>A report's content as the editor holds it: what the validator reads (no publication date yet).</summary>
public sealed record DraftContent(int Year, ReportFormat Format, ReportSections Sections, ReportTable ActiveDisclosure, ReportTable Applications,
    ReportTable ReviewLitigation) : IReportContent
{
    public DateOnly? PublishedOn => null;
}

/// <summary>Something typed that cannot be stored as it is (not a number, too long), for the element with <see cref="ElementId"/>.</summary>
public sealed record InputProblem(string ElementId, string Message);

/// <summary>The editor's content as parsed: what can be stored, and what cannot (then nothing is stored).</summary>
public sealed record ParsedDraft(DraftContent Content, string? SignedBy, WarningExplanations Explanations, IReadOnlyList<InputProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// What the editor form carries, field by field, as typed: the narrative parts, every cell of the format's
/// tables, 签发人, the warning explanations and the report version the clerk started from. The names and
/// element ids of the fields are defined here, once, for the page, the script and the parser.
/// </summary>
public sealed class DraftInput
{
    public const string VersionField = "version";
    public const string SignedByField = "signedBy";
    public const string SignedById = "signed-by";
    private const string SectionPrefix = "section:";
    private const string CellPrefix = "cell:";
    public const string ExplanationPrefix = "explain:";

    private readonly Dictionary<string, string> _fields;

    private DraftInput(int? version, Dictionary<string, string> fields, Dictionary<string, string> explanations)
    {
        Version = version;
        _fields = fields;
        Explanations = explanations;
    }

    public int? Version { get; }

    /// <summary>The explanations typed, by finding key.</summary>
    public IReadOnlyDictionary<string, string> Explanations { get; }

    public static string SectionField(string code) => SectionPrefix + code;

    public static string SectionId(string code) => $"section-{code}";

    public static string CellField(CellDefinition cell) => $"{CellPrefix}{cell.Table.Code}:{cell.Row.Code}:{cell.Column.Code}";

    public static string CellId(CellDefinition cell) => CellId(cell.Table.Code, cell.Row.Code, cell.Column.Code);

    public static string CellId(string table, string row, string column) => $"cell-{table}-{row.Replace('.', '-')}-{column}";

    /// <summary>The text of a field as typed (empty when absent).</summary>
    public string this[string field] => _fields.GetValueOrDefault(field) ?? string.Empty;

    public string SignedBy => this[SignedByField];

    /// <summary>The fields of a format as a form posted them; unknown fields are ignored.</summary>
    public static DraftInput FromForm(IFormCollection form, FormatDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Take(string name)
        {
            if (form.TryGetValue(name, out var value))
            {
                fields[name] = value.ToString();
            }
        }

        foreach (var part in definition.NarrativeParts)
        {
            Take(SectionField(part.Code));
        }

        foreach (var cell in definition.Tables.SelectMany(t => t.Cells))
        {
            Take(CellField(cell));
        }

        Take(SignedByField);
        var explanations = form.Keys.Where(key => key.StartsWith(ExplanationPrefix, StringComparison.Ordinal))
            .ToDictionary(key => key[ExplanationPrefix.Length..], key => form[key].ToString(), StringComparer.Ordinal);
        var version = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        return new DraftInput(version, fields, explanations);
    }

    /// <summary>The fields of a stored report, as the editor first shows them.</summary>
    public static DraftInput FromReport(ReportWorkingCopy report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var definition = FormatDefinition.For(report.Format);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in definition.NarrativeParts)
        {
            fields[SectionField(part.Code)] = report.Sections[part.Code] ?? string.Empty;
        }

        foreach (var cell in definition.Tables.SelectMany(t => t.Cells))
        {
            if (report.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code] is { } value)
            {
                fields[CellField(cell)] = OfficialTableModel.Figure(value);
            }
        }

        fields[SignedByField] = report.SignedBy ?? string.Empty;
        return new DraftInput(report.Version, fields, report.WarningExplanations.ByKey.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads the fields into content for a report of this year and format; what cannot be read is listed.</summary>
    public ParsedDraft Parse(int year, ReportFormat format)
    {
        var definition = FormatDefinition.For(format);
        var problems = new List<InputProblem>();

        var sections = ReportSections.Empty;
        foreach (var part in definition.NarrativeParts)
        {
            var text = this[SectionField(part.Code)];
            if (text.Length > ReportSections.MaxLength)
            {
                problems.Add(new InputProblem(SectionId(part.Code), $"{part.Heading}：内容过长（{text.Length} 字），最多 {ReportSections.MaxLength} 字。"));
            }

            sections = sections.With(part.Code, string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        var tables = new Dictionary<string, ReportTable>(StringComparer.Ordinal);
        foreach (var table in definition.Tables)
        {
            var cells = new List<(string, string, decimal?)>();
            foreach (var cell in table.Cells)
            {
                var text = this[CellField(cell)];
                if (!TryReadFigure(text, out var value))
                {
                    problems.Add(new InputProblem(CellId(cell), $"{cell.MessageLabel}：“{text.Trim()}”不是有效的数字，请只填写数字。"));
                }
                else if (value is { } figure && InputLimits.CellRefusal(figure) is { } refusal)
                {
                    problems.Add(new InputProblem(CellId(cell), $"{cell.MessageLabel}：{refusal}"));
                }
                else
                {
                    cells.Add((cell.Row.Code, cell.Column.Code, value));
                }
            }

            tables[table.Code] = ReportTable.FromCells(cells);
        }

        var signedBy = SignedBy.Trim();
        if (InputLimits.TextRefusal("签发人姓名", signedBy, InputLimits.SignedByMaxLength) is { } signedByRefusal)
        {
            problems.Add(new InputProblem(SignedById, signedByRefusal));
        }

        var explanations = WarningExplanations.None;
        var tooLong = Explanations.Where(pair => pair.Value.Trim().Length > WarningExplanations.MaxLength).ToList();
        foreach (var (key, _) in tooLong)
        {
            problems.Add(new InputProblem(ExplanationId(key), $"警告说明不能超过 {WarningExplanations.MaxLength} 字。"));
        }

        if (tooLong.Count == 0)
        {
            explanations = WarningExplanations.Of(Explanations.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        }

        ReportTable Table(string code) => tables.GetValueOrDefault(code) ?? ReportTable.Empty;
        var content = new DraftContent(year, format, sections, Table(TableCodes.ActiveDisclosure), Table(TableCodes.Applications), Table(TableCodes.ReviewLitigation));
        return new ParsedDraft(content, signedBy.Length == 0 ? null : signedBy, explanations, problems);
    }

    /// <summary>The element id of the explanation field of a finding key.</summary>
    public static string ExplanationId(string key)
    {
        var id = new StringBuilder("explain-");
        foreach (var c in key)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return id.ToString();
    }

    /// <summary>
    /// A figure as a clerk may type it: half- or full-width digits, a sign, a decimal point, thousands
    /// separators and spaces. Empty is an empty cell (null).
    /// </summary>
    public static bool TryReadFigure(string text, out decimal? value)
    {
        value = null;
        var normalized = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '０' and <= '９':
                    normalized.Append((char)('0' + (c - '０')));
                    break;
                case '－' or '−':
                    normalized.Append('-');
                    break;
                case '．' or '。':
                    normalized.Append('.');
                    break;
                case ',' or '，' or ' ' or '　':
                    break;
                default:
                    normalized.Append(c);
                    break;
            }
        }

        if (normalized.Length == 0)
        {
            return true;
        }

        if (!decimal.TryParse(normalized.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = number;
        return true;
    }
}
