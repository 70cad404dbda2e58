using System.Text;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>
/// The validator's faster internals against the plain way they stand for: each figure's phrasings searched one
/// by one against their alternation in one regular expression; boilerplate removed in place against
/// <see cref="string.Replace(string, string?, StringComparison)"/>; narrative and shingle normalization and the
/// shared share against the straightforward implementations (texts: the real published reports, sentences written
/// for these tests, and random mixes of the characters the rules treat specially).
/// </summary>
public class ValidationInternalsTests
{
    private static string Reference(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "reference", file));

    /// <summary>Written for these tests: several phrasings of one figure, overlapping, with and without digits.</summary>
    private static readonly string[] Written =
    [
        "本年度收到政府信息公开申请共26件（其中含上年结转2件），新收申请12件；依申请公开方面新收申请3件，收到5件信息公开申请，未收到任何申请。",
        "结转下年度继续办理3件，2件申请将结转至下一年。办结申请二十六件，予以公开十件，部分公开3件，不予公开1件。",
        "全年行政复议案件2件，未发生行政复议；行政诉讼1起，直接起诉的案件1件，复议后起诉0件，没有发生行政诉讼。",
        "制发规章3件，废止规章1件，现行有效规章12件，印发规范性文件4件；行政许可决定120件，作出行政处罚决定3件，行政事业性收费金额1.25万元，收费12,500元。",
        "未受理申请，受理申请受理申请1件件，收到收到申请申请2件。",
        "无。",
        string.Empty,
    ];

    private static IEnumerable<string> Texts() =>
    [
        .. Written,
        .. Written.Select(t => t.Replace("。", string.Empty, StringComparison.Ordinal)),
        NarrativeTextOf("quangang-district-2023.txt"),
        NarrativeTextOf("xiyuan-street-2020.txt"),
    ];

    private static string NarrativeTextOf(string file) => NarrativeText.Normalize(Reference(file));

    [Theory]
    [InlineData(ReportFormat.Format2021)]
    [InlineData(ReportFormat.Format2019)]
    public void Each_figure_finds_the_matches_of_the_alternation_of_its_phrasings(ReportFormat format)
    {
        var figures = CompiledFigures.For(format);
        Assert.NotEmpty(figures);
        var options = RegexOptions.CultureInvariant;
        var matched = 0;
        foreach (var figure in figures)
        {
            var alternation = new Regex(string.Join('|', figure.Figure.Patterns.Select(p => "(?:" + CompiledFigure.Expand(p) + ")")), options);
            foreach (var text in Texts())
            {
                var expected = new List<string>();
                for (var match = alternation.Match(text); match.Success; match = match.NextMatch())
                {
                    expected.Add(Describe(match));
                }

                Assert.Equal(expected, figure.Matches(text).Select(Describe));
                matched += expected.Count;
            }
        }

        Assert.True(matched > 20, $"{matched} matches");
    }

    /// <summary>Phrasings written for this test that start alike, so that two match at the same place.</summary>
    [Theory]
    [InlineData("收到{n}件申请", "收到{n}件")]
    [InlineData("收到{n}件", "收到{n}件申请")]
    [InlineData("{n}件", "收到{n}件", "件申请")]
    [InlineData("申请{f}{n}", "申请", "{n}件申请")]
    public void Phrasings_that_match_at_the_same_place_give_the_earlier_one_as_the_alternation_does(params string[] patterns)
    {
        var table = FormatDefinition.For(ReportFormat.Format2021).Applications;
        var figure = new CompiledFigure(
            new NarrativeFigure("test", table.Code, [table.Rows[0].Code], table.Rows[0].Columns[0].Code, patterns), table, [0]);
        var alternation = new Regex(string.Join('|', patterns.Select(p => "(?:" + CompiledFigure.Expand(p) + ")")), RegexOptions.CultureInvariant);
        string[] texts = ["收到5件申请", "收到5件申请收到6件，申请12件申请", "申请共3件申请申请", "收到二十件收到3件申请件申请", .. Written];
        foreach (var text in texts)
        {
            var expected = new List<string>();
            for (var match = alternation.Match(text); match.Success; match = match.NextMatch())
            {
                expected.Add(Describe(match));
            }

            Assert.Equal(expected, figure.Matches(text).Select(Describe));
        }
    }

    private static string Describe(Match match)
    {
        var number = match.Groups["n"];
        var unit = match.Groups["unit"];
        return $"{match.Index}+{match.Length} n={(number.Success ? $"{number.Index}+{number.Length}" : "-")} unit={(unit.Success ? unit.Value : "-")}";
    }

    [Fact]
    public void Removing_a_phrase_in_place_leaves_what_replace_leaves()
    {
        var random = new Random(20231);
        const string alphabet = "工作一是二无没有a";
        string[] phrases = ["工作", "一是", "无", "工作工作", "aa", "a", "没有", "是二"];
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText(random, alphabet, random.Next(0, 40));
            var buffer = text.ToCharArray();
            var length = buffer.Length;
            var expected = text;
            foreach (var phrase in phrases.OrderBy(_ => random.Next()))
            {
                expected = expected.Replace(phrase, string.Empty, StringComparison.Ordinal);
                length = PartContentRules.RemoveAll(buffer.AsSpan(0, length), phrase);
                Assert.Equal(expected, new string(buffer, 0, length));
            }
        }
    }

    /// <summary>Characters the normalizations treat specially, beside ideographs and ASCII.</summary>
    private const string Mixed = "申请公开件１２３ＡＢａｂ．％\u3000 \t\n“”\"「」『』‘’'〝〞，。、；：！？（）()·—…％+<>=$￥元万12ab.,-";

    [Fact]
    public void Narrative_normalization_is_the_plain_one()
    {
        var random = new Random(7);
        foreach (var text in Texts().Concat(Enumerable.Range(0, 3000).Select(i => RandomText(random, Mixed, random.Next(0, i < 2900 ? 80 : 3000)))))
        {
            Assert.Equal(PlainNormalize(text), NarrativeText.Normalize(text));
        }
    }

    [Fact]
    public void The_shared_share_is_the_plain_one()
    {
        var random = new Random(11);
        const string alphabet = "申请公开件 ，。、一二三工作12";
        for (var round = 0; round < 1500; round++)
        {
            var text = RandomText(random, alphabet, random.Next(0, round < 1400 ? 120 : 2500));
            var other = random.Next(3) == 0 ? text : RandomText(random, alphabet, random.Next(0, round < 1400 ? 120 : 2500));
            var minLength = random.Next(0, 60);
            Assert.Equal(PlainSharedShare(text, other, minLength), TextSimilarity.SharedShare(text, other, minLength));
        }

        foreach (var text in Texts())
        {
            foreach (var other in Texts())
            {
                Assert.Equal(PlainSharedShare(text, other, 50), TextSimilarity.SharedShare(text, other, 50));
            }
        }
    }

    private static string RandomText(Random random, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string PlainNormalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '０' and <= '９' => (char)(raw - '０' + '0'),
                >= 'Ａ' and <= 'Ｚ' => (char)(raw - 'Ａ' + 'A'),
                >= 'ａ' and <= 'ｚ' => (char)(raw - 'ａ' + 'a'),
                '．' => '.',
                '％' => '%',
                '\u3000' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c is '“' or '”' or '"' or '「' or '」' or '『' or '』' or '‘' or '’' or '\'' or '〝' or '〞')
            {
                continue;
            }

            if (pendingSpace && char.IsAsciiLetterOrDigit(c) && char.IsAsciiLetterOrDigit(builder[^1]))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static decimal? PlainSharedShare(string text, string other, int minLength)
    {
        static string Normalize(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)));

        static IEnumerable<ulong> Shingles(string s)
        {
            for (var i = 0; i + TextSimilarity.ShingleLength <= s.Length; i++)
            {
                var hash = 14695981039346656037UL;
                for (var j = i; j < i + TextSimilarity.ShingleLength; j++)
                {
                    hash = (hash ^ s[j]) * 1099511628211UL;
                }

                yield return hash;
            }
        }

        var normalized = Normalize(text);
        if (normalized.Length < Math.Max(minLength, TextSimilarity.ShingleLength))
        {
            return null;
        }

        var otherShingles = Shingles(Normalize(other)).ToHashSet();
        if (otherShingles.Count == 0)
        {
            return 0m;
        }

        var shingles = Shingles(normalized).ToList();
        return (decimal)shingles.Count(otherShingles.Contains) / shingles.Count;
    }
}
