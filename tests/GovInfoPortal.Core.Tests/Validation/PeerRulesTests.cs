using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;
using static GovInfoPortal.Core.Tests.Validation.FindingAssert;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary><c>narrative.copiedFromPeer</c>: the rule, the boilerplate filter, the signatures and the batch's peers.</summary>
public class PeerRulesTests
{
    private const string Copied = "narrative.copiedFromPeer";
    private const string Quangang = "泉州市泉港区人民政府";

    private static readonly IReadOnlyDictionary<string, string> RealTexts = ReadRealTexts();

    private static IReadOnlyDictionary<string, string> ReadRealTexts()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var line in File.ReadAllLines(TestReports.PathOf("peer-real-texts.txt")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                name = line[3..].Trim();
            }
            else if (name is not null && line.Length > 0)
            {
                texts[name] = texts.GetValueOrDefault(name) + line;
            }
        }

        return texts;
    }

    /// <summary>Text no report would write: random CJK characters, different for every seed (shares no shingle with real text).</summary>
    private static string Unique(int seed, int length)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
    }

    private static ReportDocument Report(string part, string text) => TestReports.Xiyuan2021().WithSection(part, text);

    private static PeerReport Peer(string part, string text, int year = 2021, string name = Quangang) =>
        new(name, year, ReportSections.Empty.With(part, text));

    private static IReadOnlyList<Finding> WithPeers(ReportDocument report, params PeerReport[] peers) =>
        Checked(new ReportValidationContext(report, Peers: PeerComparison.Of(peers)));

    /// <summary>The findings but those of the content rules: the parts these tests write are short and name no aspects.</summary>
    private static IReadOnlyList<Finding> Checked(ReportValidationContext context) => [.. ButContent(Validate(context))];

    private static Finding Warning(string part, decimal share, string peer = Quangang, int year = 2021)
    {
        var heading = FormatDefinition.For(ReportFormat.Format2021).NarrativeParts.Single(p => p.Code == part).Heading;
        return FindingAssert.Warning(Copied, "sections", part, null, 0.5m, share,
            $"{heading}：与{peer}{year}年度报告的同一部分相同的内容约占 {decimal.Round(share * 100, 0)}%（已除去各报告通用的表述），请按本单位实际情况撰写");
    }

    [Fact]
    public void A_real_part_taken_over_by_another_body_is_copied_and_names_the_peer()
    {
        var text = RealTexts["quangang-2023-problems"];

        Exactly(WithPeers(Report(SectionCodes.Problems, text), Peer(SectionCodes.Problems, text)), Warning(SectionCodes.Problems, 1m));
    }

    [Fact]
    public void A_real_part_with_a_few_sentences_rewritten_is_still_copied()
    {
        var text = RealTexts["quangang-2023-problems"];
        var rewritten = text.Replace("基层政务公开工作人员流动性较大", "本单位信息公开队伍人员调整较多").Replace("对标上级评测", "对照年度考核");

        var findings = WithPeers(Report(SectionCodes.Problems, rewritten), Peer(SectionCodes.Problems, text));

        var finding = Assert.Single(findings);
        Assert.Equal(Copied, finding.Rule);
        Assert.InRange((decimal)finding.Actual!, 0.8m, 0.99m);
        Assert.Contains($"与{Quangang}2021年度报告的同一部分相同的内容约占", finding.Message);
    }

    [Fact]
    public void Two_real_parts_of_different_bodies_are_not_copied()
    {
        Assert.Empty(WithPeers(Report(SectionCodes.Problems, RealTexts["xiyuan-2020-problems"]),
            Peer(SectionCodes.Problems, RealTexts["quangang-2023-problems"])));
    }

    [Fact]
    public void Real_preambles_sharing_the_official_wording_are_not_copied()
    {
        // Both bodies open with the template's sentences (条例, the six parts, the statistics period); the rest is their own.
        Assert.Empty(WithPeers(Report(SectionCodes.Overview, RealTexts["xiyuan-2020-preamble"]),
            Peer(SectionCodes.Overview, RealTexts["quangang-2023-preamble"])));
    }

    [Fact]
    public void Only_the_same_part_of_a_report_of_the_same_year_is_compared()
    {
        var text = RealTexts["quangang-2023-problems"];

        Assert.Empty(WithPeers(Report(SectionCodes.Problems, text), Peer(SectionCodes.Overview, text)));
        Assert.Empty(WithPeers(Report(SectionCodes.Problems, text), Peer(SectionCodes.Problems, text, year: 2020)));
    }

    [Fact]
    public void The_peer_sharing_most_is_named_once_per_part()
    {
        var own = Unique(1, 300);
        var most = own[..270] + Unique(2, 30);
        var less = own[..200] + Unique(3, 100);

        var findings = WithPeers(Report(SectionCodes.Overview, own),
            Peer(SectionCodes.Overview, less, name: "甲县人民政府"), Peer(SectionCodes.Overview, most, name: "乙县人民政府"));

        var finding = Assert.Single(findings);
        Assert.Contains("乙县人民政府", finding.Message);
    }

    [Fact]
    public void Exactly_half_shared_is_not_copied()
    {
        // 300 characters give 293 shingles; sharing the first 150 characters shares 143 of them (under half).
        var own = Unique(4, 300);

        Assert.Empty(WithPeers(Report(SectionCodes.Overview, own), Peer(SectionCodes.Overview, own[..150] + Unique(5, 150))));
    }

    [Fact]
    public void Without_peers_the_rule_does_not_run()
    {
        Assert.Empty(ButContent(Validate(Report(SectionCodes.Problems, RealTexts["quangang-2023-problems"]))));
        Assert.Empty(WithPeers(Report(SectionCodes.Problems, RealTexts["quangang-2023-problems"])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("无。")]
    [InlineData("！？。，、；：“”（）《》【】……——！？。，、；：“”（）《》【】……——！？。，、；：“”（）《》【】……——")]
    public void Odd_text_never_fails_and_short_or_empty_text_is_not_judged(string text)
    {
        Assert.DoesNotContain(WithPeers(Report(SectionCodes.OtherMatters, text), Peer(SectionCodes.OtherMatters, text)), f => f.Rule == Copied);
        Assert.Empty(PeerSignatures.Of(ReportSections.Empty.With(SectionCodes.OtherMatters, text), PeerBoilerplate.Builtin));
    }

    [Fact]
    public void Numbers_in_every_script_are_text_like_any_other()
    {
        const string text = "١٢٣٤٥٦٧٨٩٠ ๑๒๓๔๕๖๗๘๙ 一二三四五六七八九十 ①②③④⑤ ⅠⅡⅢⅣ 123456789 １２３４５６７８９ 二十六件 ٠.٥ 〇一二";

        Exactly(WithPeers(Report(SectionCodes.OtherMatters, text), Peer(SectionCodes.OtherMatters, text)), Warning(SectionCodes.OtherMatters, 1m));
        Assert.Empty(WithPeers(Report(SectionCodes.OtherMatters, text), Peer(SectionCodes.OtherMatters, string.Concat(text.Reverse()))));
    }

    [Fact]
    public void A_very_long_part_is_signed_and_compared()
    {
        var text = Unique(6, ReportSections.MaxLength);

        Exactly(WithPeers(Report(SectionCodes.Overview, text), Peer(SectionCodes.Overview, text)), Warning(SectionCodes.Overview, 1m));
        Assert.Equal(PeerSignatures.Bands, PeerSignatures.Of(ReportSections.Empty.With(SectionCodes.Overview, text), PeerBoilerplate.Builtin).Count);
    }

    [Fact]
    public void A_part_that_is_only_template_wording_is_not_judged()
    {
        var template = PeerBoilerplate.BuiltinPhrases.MaxBy(p => p.Length)! + "。";

        Assert.Null(PeerSignatures.Significant(template, SectionCodes.Overview, PeerBoilerplate.Builtin));
        Assert.Empty(WithPeers(Report(SectionCodes.Overview, template), Peer(SectionCodes.Overview, template)));
    }

    // Signatures and bands

    [Fact]
    public void The_same_text_gets_the_same_bands_whatever_its_punctuation()
    {
        var text = RealTexts["quangang-2023-problems"];
        var reflowed = text.Replace("，", "。\n").Replace("；", " ");

        Assert.Equal(Bands(text), Bands(reflowed));
    }

    [Fact]
    public void Unrelated_texts_share_no_band_and_a_near_copy_shares_some()
    {
        var text = Unique(7, 600);
        var nearCopy = text[..570] + Unique(8, 30);
        var unrelated = Enumerable.Range(100, 50).Select(seed => Unique(seed, 600)).ToList();

        Assert.NotEmpty(Bands(text).Intersect(Bands(nearCopy)));
        Assert.All(unrelated, other => Assert.Empty(Bands(text).Intersect(Bands(other))));
    }

    [Fact]
    public void A_signature_has_a_value_in_every_position_even_for_few_shingles()
    {
        var shingles = Enumerable.Range(0, PeerSignatures.MinSignificantShingles).Select(i => (ulong)i * 7919).ToHashSet();
        var signature = PeerSignatures.Signature(shingles);

        Assert.Equal(PeerSignatures.Length, signature.Length);
        Assert.Equal(signature, PeerSignatures.Signature(shingles.Reverse().ToList()));
        Assert.Equal(PeerSignatures.Bands, PeerSignatures.Buckets(signature).Distinct().Count());
    }

    private static IReadOnlyList<PeerBand> Bands(string text) =>
        PeerSignatures.Of(ReportSections.Empty.With(SectionCodes.Problems, text), PeerBoilerplate.Builtin);

    // Boilerplate and the batch's peers

    /// <summary>Forty bodies whose part 一 is the same paragraph (a local template) followed by a text of their own.</summary>
    private static List<PeerDocument> TemplateBatch(int count = 40)
    {
        var template = Unique(1000, 240);
        return
        [
            .. Enumerable.Range(0, count).Select(i =>
                new PeerDocument($"code:{i}", $"第{i}单位", 2021, ReportSections.Empty.With(SectionCodes.Overview, template + Unique(2000 + i, 120)))),
        ];
    }

    [Fact]
    public void Phrases_most_reports_share_are_boilerplate_and_do_not_make_copies()
    {
        var batch = TemplateBatch();
        var template = batch[0].Sections.Overview![..240];

        var boilerplate = PeerBoilerplate.FromReports([.. batch.Select(d => d.Sections)]);
        Assert.All(PeerSignatures.ShinglesOf(template), s => Assert.True(boilerplate.Contains(SectionCodes.Overview, s)));
        Assert.False(boilerplate.Contains(SectionCodes.Problems, PeerSignatures.ShinglesOf(template).First()));

        // Without the boilerplate filter, two thirds of each part would be shared with every other.
        Assert.True(TextSimilarity.SharedShare(batch[0].Sections.Overview!, batch[1].Sections.Overview!, 50) > 0.5m);
        var comparisons = PeerBatch.Compare(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Empty(Checked(new ReportValidationContext(Report(SectionCodes.Overview, batch[i].Sections.Overview!), Peers: comparisons[i])));
        }
    }

    [Fact]
    public void A_few_reports_sharing_a_text_are_not_boilerplate()
    {
        var shared = Unique(9, 200);
        var few = Enumerable.Range(0, PeerBoilerplate.MinReports - 1)
            .Select(i => ReportSections.Empty.With(SectionCodes.Overview, shared)).ToList();

        Assert.Empty(PeerBoilerplate.Frequent(few));
    }

    [Fact]
    public void In_a_batch_a_copy_is_found_beside_the_template_and_names_the_other_body()
    {
        var batch = TemplateBatch();
        var copied = batch[3].Sections.Overview!;
        batch.Add(new PeerDocument("code:copier", "丙镇人民政府", 2021, ReportSections.Empty.With(SectionCodes.Overview, copied)));

        var comparisons = PeerBatch.Compare(batch);

        Exactly(Checked(new ReportValidationContext(Report(SectionCodes.Overview, copied), Peers: comparisons[^1])),
            Warning(SectionCodes.Overview, 1m, peer: "第3单位"));
        Exactly(Checked(new ReportValidationContext(Report(SectionCodes.Overview, copied), Peers: comparisons[3])),
            Warning(SectionCodes.Overview, 1m, peer: "丙镇人民政府"));
    }

    [Fact]
    public void In_a_batch_the_same_body_and_other_years_are_no_peers()
    {
        var text = RealTexts["quangang-2023-problems"];
        PeerDocument[] batch =
        [
            new("code:a", "甲", 2021, ReportSections.Empty.With(SectionCodes.Problems, text)),
            new("code:a", "甲", 2021, ReportSections.Empty.With(SectionCodes.Problems, text)),
            new("code:b", "乙", 2020, ReportSections.Empty.With(SectionCodes.Problems, text)),
        ];

        var comparisons = PeerBatch.Compare(batch);

        Assert.All(comparisons, c => Assert.Empty(c.Candidates));
    }
}
