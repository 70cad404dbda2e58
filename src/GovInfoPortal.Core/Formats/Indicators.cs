using System.Globalization;
using GovInfoPortal.Core.Domain;
using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Core.Formats;

/// <summary>One cell of a format's tables, by its codes; <see cref="Key"/> is the code pages and the API use.</summary>
public sealed record CellRef(string Table, string Row, string Column)
{
    public const char Separator = '|';

    /// <summary><c>applications|newlyReceived|total</c>, as the kept totals and the rank page name a cell.</summary>
    public string Key => string.Join(Separator, Table, Row, Column);

    /// <summary>The cell a key names in a format, or null when the format has no such cell.</summary>
    public static CellDefinition? Find(FormatDefinition definition, string? key)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var parts = key?.Split(Separator);
        if (parts is not { Length: 3 } || definition.FindTable(parts[0]) is not { } table)
        {
            return null;
        }

        var index = table.IndexOf(parts[1], parts[2]);
        return index < 0 ? null : table.Cells[index];
    }
}

/// <summary>
/// An indicator computed from a report's tables (or from sums of them): the sum of the numerator's cells over the
/// sum of the denominator's cells. Undefined when the denominator is 0 or a cell it reads is empty.
/// </summary>
/// <param name="Code">The code in the API and in the rank page's <c>by</c>.</param>
/// <param name="Name">The zh-CN name (公开率).</param>
/// <param name="Formula">The formula in the official labels, for pages and the README.</param>
public sealed record IndicatorDefinition(string Code, string Name, string Formula, IReadOnlyList<CellRef> Numerator, IReadOnlyList<CellRef> Denominator)
{
    /// <summary>The indicator of one report's tables, or of a set of reports' summed tables (the ratio of the sums).</summary>
    public IndicatorValue Compute(Func<string, ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new IndicatorValue(this, Sum(Numerator, tables), Sum(Denominator, tables));
    }

    private static decimal? Sum(IReadOnlyList<CellRef> cells, Func<string, ReportTable> tables)
    {
        decimal sum = 0;
        foreach (var cell in cells)
        {
            if (tables(cell.Table)[cell.Row, cell.Column] is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }
}

/// <summary>The value of an indicator: its numerator, its denominator and their ratio (null when undefined).</summary>
public readonly record struct IndicatorValue(IndicatorDefinition Definition, decimal? Numerator, decimal? Denominator)
{
    /// <summary>The ratio, or null when the denominator is 0 or a cell is empty: never a division error.</summary>
    public decimal? Rate => Numerator is { } numerator && Denominator is { } denominator && denominator != 0
        ? numerator / denominator
        : null;

    /// <summary>The ratio rounded to four decimal places (0.8462), as the API gives it.</summary>
    public decimal? RoundedRate => Rate is { } rate ? Math.Round(rate, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>As a page shows it: 84.6%, or — when undefined.</summary>
    public string Display => Rate is { } rate
        ? (Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : Indicators.Undefined;
}

/// <summary>
/// The indicators of each format, written once beside <see cref="OfficialFormats"/> as data: which cells of 表三 and
/// 表四 each one adds up. 表三 and 表四 have the same rows and columns for the codes used here in the 2019 and the 2021
/// formats, so both have every indicator; a legacy report has no tables and no indicator.
/// <list type="bullet">
/// <item>公开率 (<c>disclosureRate</c>) = (（一）予以公开 + （二）部分公开) / （七）总计, column 总计, of 表三.</item>
/// <item>行政复议纠错率 (<c>reviewCorrectionRate</c>) = 结果纠正 / (结果维持 + 结果纠正 + 其他结果) of 表四 行政复议:
/// corrected over concluded (尚未审结 left out).</item>
/// <item>行政诉讼纠错率 (<c>litigationCorrectionRate</c>) = the same over 表四's two 行政诉讼 rows together
/// (未经复议直接起诉 and 复议后起诉).</item>
/// </list>
/// </summary>
public static class Indicators
{
    public const string DisclosureRate = "disclosureRate";
    public const string ReviewCorrectionRate = "reviewCorrectionRate";
    public const string LitigationCorrectionRate = "litigationCorrectionRate";

    /// <summary>How pages show an undefined indicator.</summary>
    public const string Undefined = "—";

    public const string ReviewRow = "review";
    public const string LitigationDirectRow = "litigationDirect";
    public const string LitigationAfterReviewRow = "litigationAfterReview";

    private static readonly string[] Concluded = [ReviewColumn.Upheld, ReviewColumn.Corrected, ReviewColumn.Other];

    private static CellRef Applications(string row) => new(TableCodes.Applications, row, Applicant.Total);

    private static CellRef[] ReviewLitigation(IEnumerable<string> rows, IEnumerable<string> columns) =>
        [.. rows.SelectMany(row => columns.Select(column => new CellRef(TableCodes.ReviewLitigation, row, column)))];

    private static readonly IReadOnlyList<IndicatorDefinition> WithTables =
    [
        new(DisclosureRate, "公开率", "（予以公开 + 部分公开）÷ 办理结果总计（表三“总计”列）",
            [Applications(ApplicationRow.Granted), Applications(ApplicationRow.PartiallyGranted)],
            [Applications(ApplicationRow.HandledTotal)]),
        new(ReviewCorrectionRate, "行政复议纠错率", "结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）（表四行政复议）",
            ReviewLitigation([ReviewRow], [ReviewColumn.Corrected]),
            ReviewLitigation([ReviewRow], Concluded)),
        new(LitigationCorrectionRate, "行政诉讼纠错率", "结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）（表四行政诉讼：未经复议直接起诉与复议后起诉合计）",
            ReviewLitigation([LitigationDirectRow, LitigationAfterReviewRow], [ReviewColumn.Corrected]),
            ReviewLitigation([LitigationDirectRow, LitigationAfterReviewRow], Concluded)),
    ];

    /// <summary>The indicators a format has: all three for 2019 and 2021, none for legacy reports (no tables).</summary>
    public static IReadOnlyList<IndicatorDefinition> For(ReportFormat format) =>
        FormatDefinition.For(format).HasTables ? WithTables : [];

    /// <summary>Every indicator any format has, in display order.</summary>
    public static IReadOnlyList<IndicatorDefinition> All => WithTables;

    public static IndicatorDefinition? Find(string? code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>The indicators of a format over its tables (one report's, or sums).</summary>
    public static IReadOnlyList<IndicatorValue> Compute(ReportFormat format, Func<string, ReportTable> tables) =>
        [.. For(format).Select(indicator => indicator.Compute(tables))];

    /// <summary>The indicators of one report.</summary>
    public static IReadOnlyList<IndicatorValue> Of(IReportContent report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Compute(report.Format, report.Table);
    }
}
