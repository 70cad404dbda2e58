using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// <c>narrative.figureMismatch</c>: a figure a narrative part quotes for a table cell or a sum of cells
/// (<see cref="NarrativeFigures"/>) differs from the table. Conservative: a figure is compared only when a
/// phrasing of the mapping quotes it, its sentence is about what the cell counts, and its clause names no
/// other year, no part (其中) and no other scope; approximate figures (约、近、余、多) match no phrasing.
/// One finding per figure: the first quote that differs.
/// </summary>
internal sealed class NarrativeFigureRules : IFindingRules
{
    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var report = input.Context.Report;
        var definition = report.Definition();
        var figures = CompiledFigures.For(report.Format);
        if (figures.Count == 0)
        {
            return [];
        }

        List<Finding>? findings = null;
        HashSet<CompiledFigure>? reported = null;
        List<(int Start, int End)>? claimed = null;
        foreach (var part in definition.NarrativeParts)
        {
            if (report.Sections[part.Code] is not { Length: > 0 })
            {
                continue;
            }

            var text = input.Normalized(part.Code);
            if (!NarrativeText.HasNumeral(text) && !text.Contains('未') && !text.Contains("没有", StringComparison.Ordinal))
            {
                continue;
            }

            claimed?.Clear();
            foreach (var figure in figures)
            {
                if (reported?.Contains(figure) == true || input.Report[figure.Table] is not { } table)
                {
                    continue;
                }

                if (figure.FirstDisagreement(text, report.Year, claimed ??= [], table) is { } found)
                {
                    (findings ??= []).Add(figure.Finding(part, table.Definition, found.Quote, found.Stated));
                    (reported ??= []).Add(figure);
                }
            }
        }

        return findings ?? (IEnumerable<Finding>)[];
    }
}

/// <summary>A figure quoted in the text: its value (万元 for money), its decimals as written and its sentence.</summary>
internal readonly record struct FigureQuote(decimal Value, int Decimals, string Sentence);

/// <summary>A <see cref="NarrativeFigure"/> with its patterns compiled and its cells resolved against the format.</summary>
internal sealed class CompiledFigure
{
    private const string Number = @"(?<![0-9.,])(?<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?万?|[0-9]+(?:\.[0-9]+)?万?|[零〇一二两三四五六七八九十百千万]{1,12})";
    private const string Amount = @"(?<![0-9.,])(?<n>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)";
    private const string Filler = "(?:共计|共|总计|合计|累计|总数|数量|数|为|计|达|有|的|了|：|:){0,3}";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Regex OtherTime = new(@"上年|去年|上一年|前年|同比|较上年|比上年|累计|历年|以来|(?<![0-9])(?<year>(?:19|20)[0-9]{2})年", Options, Timeout);

    /// <summary>
    /// The figure's phrasings, each compiled on its own: a regular expression of alternatives cannot search for
    /// their leading words as fast as each alone can. <see cref="Matches"/> merges them into the matches of
    /// their alternation.
    /// </summary>
    private readonly Regex[] _patterns;
    private readonly Regex? _requires;
    private readonly Regex? _excludes;
    private readonly Regex? _clauseExcludes;

    public CompiledFigure(NarrativeFigure figure, TableDefinition table, int[] cells)
    {
        Figure = figure;
        Cells = cells;
        CellLabels = string.Join("、", cells.Select(c => table.Cells[c].Row.MessageLabel).Distinct());
        var money = figure.Patterns.Any(p => p.Contains("{money}", StringComparison.Ordinal));
        IsMoney = money;
        _patterns = [.. figure.Patterns.Select(p => new Regex(Expand(p), Options, Timeout))];
        _requires = figure.Requires is null ? null : new Regex(figure.Requires, Options, Timeout);
        _excludes = figure.Excludes is null ? null : new Regex(figure.Excludes, Options, Timeout);
        _clauseExcludes = figure.ClauseExcludes is null ? null : new Regex(figure.ClauseExcludes, Options, Timeout);
    }

    public NarrativeFigure Figure { get; }

    /// <summary>A phrasing as a regular expression: its placeholders replaced by what they stand for.</summary>
    internal static string Expand(string pattern) => pattern
        .Replace("{money}", Amount + "(?<unit>万元|元)", StringComparison.Ordinal)
        .Replace("{n}", Number, StringComparison.Ordinal)
        .Replace("{f}", Filler, StringComparison.Ordinal);

    /// <summary>Every match of the alternation of the phrasings over the text, left to right (for tests).</summary>
    internal List<Match> Matches(string text)
    {
        var matches = new List<Match>();
        Span<int> next = stackalloc int[_patterns.Length];
        next.Fill(Unknown);
        var position = 0;
        while (NextMatch(text, position, next) is { } match)
        {
            matches.Add(match);
            position = match.Index + Math.Max(match.Length, 1);
        }

        return matches;
    }

    public string Table => Figure.Table;

    /// <summary>The positions of the figure's cells in the table's definition.</summary>
    public int[] Cells { get; }

    private string CellLabels { get; }

    private bool IsMoney { get; }

    /// <summary>
    /// The first figure the text quotes for this cell that differs from the table's, with the table's figure; null
    /// when every quote agrees or the table's figure is not usable. Reads the quotes left to right, skipping
    /// numbers an earlier figure claimed, and claims each quote it reads, up to the one it returns.
    /// </summary>
    public (FigureQuote Quote, decimal Stated)? FirstDisagreement(string text, int year, List<(int Start, int End)> claimed, TableFigures table)
    {
        // The table's figure is summed at the first quote, as often as not never.
        var summed = false;
        decimal? stated = null;
        Span<int> next = stackalloc int[_patterns.Length];
        next.Fill(Unknown);
        var position = 0;
        while (NextMatch(text, position, next) is { } match)
        {
            position = match.Index + Math.Max(match.Length, 1);
            if (!Read(match, text, year, claimed, out var quote))
            {
                continue;
            }

            if (!summed)
            {
                stated = table.Sum(Cells);
                summed = true;
            }

            if (stated is { } value && !Agrees(quote, value))
            {
                return (quote, value);
            }
        }

        return null;
    }

    private const int Unknown = -2;

    private const int None = -1;

    /// <summary>
    /// The next match, from <paramref name="position"/> on, of the alternation of the phrasings: the leftmost
    /// next match of any phrasing, the first phrasing's where two start at the same place. Where each phrasing
    /// next matches is searched without building a match and kept in <paramref name="next"/>; a match is built
    /// only for the one returned.
    /// </summary>
    private Match? NextMatch(string text, int position, Span<int> next)
    {
        var best = -1;
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (next[i] == Unknown || (next[i] >= 0 && next[i] < position))
            {
                next[i] = None;
                foreach (var found in _patterns[i].EnumerateMatches(text, position))
                {
                    next[i] = found.Index;
                    break;
                }
            }

            if (next[i] >= 0 && (best < 0 || next[i] < next[best]))
            {
                best = i;
            }
        }

        return best < 0 ? null : _patterns[best].Match(text, next[best]);
    }

    /// <summary>The quote a match stands for, when its number is no earlier figure's and its sentence and clause are about the cell; claims it.</summary>
    private bool Read(Match match, string text, int year, List<(int Start, int End)> claimed, out FigureQuote quote)
    {
        quote = default;
        var number = match.Groups["n"];
        var (start, end) = number.Success ? (number.Index, number.Index + number.Length) : (match.Index, match.Index + match.Length);
        if (claimed.Exists(c => c.Start < end && start < c.End))
        {
            return false;
        }

        var (sentenceStart, sentenceEnd) = Bounds(text, match.Index, match.Index + match.Length, SentenceEnds);
        var sentence = text.AsSpan(sentenceStart, sentenceEnd - sentenceStart);
        var required = Figure.RequiresWithin is { } within
            ? text.AsSpan(Math.Max(sentenceStart, match.Index - within), match.Index + match.Length - Math.Max(sentenceStart, match.Index - within))
            : sentence;
        if ((_requires is not null && !_requires.IsMatch(required)) || (_excludes is not null && _excludes.IsMatch(sentence)))
        {
            return false;
        }

        var (clauseStart, _) = Bounds(text, match.Index, match.Index, ClauseEnds);
        var clause = text.AsSpan(clauseStart, end - clauseStart);
        if ((_clauseExcludes is not null && _clauseExcludes.IsMatch(clause)) || (!Figure.OtherYearsAllowed && NamesOtherTime(clause, year)))
        {
            return false;
        }

        decimal value = 0;
        var decimals = 0;
        if (number.Success)
        {
            if (NarrativeText.Parse(number.ValueSpan) is not { } parsed)
            {
                return false;
            }

            value = parsed;
            decimals = number.ValueSpan.IndexOf('.') is var dot and >= 0 ? number.Length - dot - 1 - (number.ValueSpan[^1] == '万' ? 1 : 0) : 0;
            if (match.Groups["unit"] is { Success: true, Value: "元" })
            {
                value /= 10_000m;
                decimals += 4;
            }
        }

        claimed.Add((start, end));
        quote = new FigureQuote(value, decimals, Excerpt(text, sentenceStart, sentenceEnd, match.Index, match.Index + match.Length));
        return true;
    }

    /// <summary>Whether the quote states the table's figure: exactly for counts; for money, the figure rounded as written.</summary>
    public bool Agrees(FigureQuote quote, decimal stated) =>
        IsMoney ? decimal.Round(stated, Math.Min(quote.Decimals, 28), MidpointRounding.AwayFromZero) == quote.Value
        : decimal.Truncate(quote.Value) != quote.Value || quote.Value == stated;

    public Finding Finding(NarrativePartDefinition part, TableDefinition table, FigureQuote quote, decimal stated)
    {
        var unit = IsMoney ? "万元" : "件";
        var written = $"{part.Heading}写“{quote.Sentence}”，即{Figure.Name} {Number(quote.Value)} {unit}";
        if (Cells.Length == 1)
        {
            return Cell(Rules.NarrativeFigureMismatch, table.Cells[Cells[0]], stated, quote.Value, $"填报 {Number(stated)}，{written}，与表中不一致");
        }

        return Section(Rules.NarrativeFigureMismatch, part, stated, quote.Value,
            $"{written}，{table.MessageLabel}{CellLabels}（{table.Cells[Cells[0]].Column.Label}）合计为 {Number(stated)}，文字与表格不一致");
    }

    private bool NamesOtherTime(ReadOnlySpan<char> clause, int year)
    {
        foreach (var match in OtherTime.EnumerateMatches(clause))
        {
            var found = clause.Slice(match.Index, match.Length);
            if (found.Length != 5 || !char.IsAsciiDigit(found[0]) || int.Parse(found[..4], provider: null) != year)
            {
                return true;
            }
        }

        return false;
    }

    private const string SentenceEnds = "。！？!?；;\n";
    private const string ClauseEnds = "。！？!?；;，,：:、\n";

    private static (int Start, int End) Bounds(string text, int from, int to, string ends)
    {
        var start = from;
        while (start > 0 && !ends.Contains(text[start - 1]))
        {
            start--;
        }

        var stop = to;
        while (stop < text.Length && !ends.Contains(text[stop]))
        {
            stop++;
        }

        return (start, stop);
    }

    private const int ExcerptLength = 60;

    private static string Excerpt(string text, int start, int end, int matchStart, int matchEnd)
    {
        if (end - start <= ExcerptLength)
        {
            return text[start..end];
        }

        var from = Math.Max(start, matchStart - 20);
        var to = Math.Min(end, Math.Max(matchEnd + 10, from + ExcerptLength));
        return (from > start ? "……" : string.Empty) + text[from..to] + (to < end ? "……" : string.Empty);
    }
}

/// <summary>The compiled figures of each format, built once.</summary>
internal static class CompiledFigures
{
    private static readonly ConcurrentDictionary<ReportFormat, IReadOnlyList<CompiledFigure>> ByFormat = new();

    public static IReadOnlyList<CompiledFigure> For(ReportFormat format) => ByFormat.GetOrAdd(format, Build);

    private static IReadOnlyList<CompiledFigure> Build(ReportFormat format)
    {
        var definition = FormatDefinition.For(format);
        var compiled = new List<CompiledFigure>();
        foreach (var figure in NarrativeFigures.For(format))
        {
            if (definition.FindTable(figure.Table) is not { } table)
            {
                continue;
            }

            var cells = new List<int>();
            foreach (var code in figure.Rows)
            {
                var rows = table.FindRow(code) is { } row ? [row] : table.Rows.Where(r => r.GroupCode == code).ToArray();
                cells.AddRange(rows.Select(r => table.IndexOf(r.Code, figure.Column)));
            }

            if (cells.Count > 0 && cells.TrueForAll(c => c >= 0))
            {
                compiled.Add(new CompiledFigure(figure, table, [.. cells]));
            }
        }

        return compiled;
    }
}
