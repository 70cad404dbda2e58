using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// The limits on what people and programs may send, in one place: every form, API and the interchange reader
/// check against these and refuse with the zh-CN messages made here, which name the field and the limit.
/// Domain texts keep their own lengths (they size the columns); this class gathers them beside the limits that
/// exist only at the edge (cell values, queries, pages, the years a request may ask for).
/// </summary>
public static class InputLimits
{
    /// <summary>The first report year anyone may ask for (the 条例 of 2008).</summary>
    public const int FirstYear = ReportFormats.MinYear;

    /// <summary>The largest absolute value of a table cell: counts and 万元 amounts of one body never come near.</summary>
    public const decimal CellMaxValue = 999_999_999m;

    /// <summary>Decimal places a cell may carry: amounts in 万元 down to the fen (0.01 元) take six.</summary>
    public const int CellMaxDecimals = 6;

    public const int NarrativeMaxLength = ReportSections.MaxLength;

    /// <summary>The narrative parts a report has (一、五、六), each up to <see cref="NarrativeMaxLength"/>.</summary>
    public const int NarrativeParts = 3;

    public const int CommentPartMaxLength = ReviewComment.PartMaxLength;
    public const int CommentMaxLength = ReviewComment.TextMaxLength;
    public const int ReasonMaxLength = ReportCorrection.ReasonMaxLength;
    public const int ExplanationMaxLength = WarningExplanations.MaxLength;
    public const int SignedByMaxLength = ReportWorkingCopy.SignedByMaxLength;
    public const int DocumentNameMaxLength = ReportWorkingCopy.DocumentNameMaxLength;
    public const int OrganizationNameMaxLength = Organization.NameMaxLength;
    public const int OrganizationCodeMaxLength = Organization.CodeMaxLength;

    /// <summary>The longest user name (登录名) an account may have or a sign-in may send.</summary>
    public const int UserNameMaxLength = 64;

    /// <summary>The longest password accepted: far above any real one, short enough that hashing it costs nothing.</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>The longest search keyword accepted (a query is a few words, never a document).</summary>
    public const int QueryMaxLength = 100;

    /// <summary>The highest page number of any list.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The most items a page of any list or API answer carries.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The last report year anyone may ask for: next year (a report is written in the year after).</summary>
    public static int LastYear(DateOnly today) => today.Year + 1;

    /// <summary>Null when <paramref name="year"/> is within <see cref="FirstYear"/>..next year, otherwise why not.</summary>
    public static string? YearRefusal(string field, int year, DateOnly today) =>
        year < FirstYear || year > LastYear(today)
            ? $"{field}应在 {FirstYear} 到 {LastYear(today)} 之间，收到 {year}。"
            : null;

    /// <summary>Null when the text is within <paramref name="maxLength"/> characters, otherwise why not.</summary>
    public static string? TextRefusal(string field, string? text, int maxLength) =>
        text is not null && text.Length > maxLength
            ? $"{field}不能超过 {maxLength} 个字，现有 {text.Length} 个字。"
            : null;

    /// <summary>Null when the cell value is within range and precision, otherwise why not (without the cell's name).</summary>
    public static string? CellRefusal(decimal value)
    {
        if (Math.Abs(value) > CellMaxValue)
        {
            return $"数值 {value.ToString(CultureInfo.InvariantCulture)} 超出范围，绝对值不能超过 {CellMaxValue.ToString(CultureInfo.InvariantCulture)}。";
        }

        return value.Scale > CellMaxDecimals && value != Math.Round(value, CellMaxDecimals)
            ? $"数值 {value.ToString(CultureInfo.InvariantCulture)} 的小数位过多，最多 {CellMaxDecimals} 位小数。"
            : null;
    }

    /// <summary>Null when the search keyword is short enough, otherwise why not.</summary>
    public static string? QueryRefusal(string field, string? query) =>
        query is not null && query.Length > QueryMaxLength
            ? $"{field}不能超过 {QueryMaxLength} 个字，现有 {query.Length} 个字。"
            : null;

    /// <summary>Null when the page number and size are within range, otherwise why not, naming the two fields as given.</summary>
    public static string? PageRefusal(int page, int pageSize, string pageField, string pageSizeField) =>
        page < 1 || page > MaxPage || pageSize < 1 || pageSize > MaxPageSize
            ? $"{pageField} 应在 1 到 {MaxPage} 之间，{pageSizeField} 应在 1 到 {MaxPageSize} 之间。"
            : null;
}
