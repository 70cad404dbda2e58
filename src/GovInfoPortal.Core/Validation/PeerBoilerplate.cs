using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// The shingles that too many reports share to say anything about copying: official boilerplate (「根据《中华人民共和国
/// 政府信息公开条例》……编制本报告」). Per narrative part. Built from document frequencies: a shingle found in more than
/// <see cref="Share"/> of the year's reports, and in at least <see cref="MinReports"/> of them, is boilerplate; a few
/// phrases every report uses are boilerplate always (<see cref="Builtin"/>), so that a small collection, where no
/// frequency means much, still sets them aside.
/// </summary>
public sealed class PeerBoilerplate
{
    /// <summary>Share of the year's reports above which a shingle counts as boilerplate.</summary>
    public const decimal Share = 0.05m;

    /// <summary>A shingle shared by fewer reports is never boilerplate: a handful of copies is copying, not convention.</summary>
    public const int MinReports = 10;

    /// <summary>Phrases of the official template and the 条例 that any part may contain.</summary>
    public static readonly IReadOnlyList<string> BuiltinPhrases =
    [
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息公开办公室有关要求编制本报告",
        "本报告根据《中华人民共和国政府信息公开条例》要求编制",
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况以及其他需要报告的事项",
        "本年度报告所列政府信息公开数据统计期限自1月1日起至12月31日止",
        "本报告中所列数据的统计期限自1月1日起至12月31日止",
        "如对本报告有疑问请与联系",
        "本报告的电子版可在门户网站下载",
        "本年度未收取信息处理费",
        "无其他需要报告的事项",
        "国务院办公厅政府信息公开办公室关于印发《政府信息公开信息处理费管理办法》的通知",
        "国办函〔2020〕109号",
        "国办公开办函〔2021〕30号",
    ];

    private static readonly HashSet<ulong> BuiltinShingles =
        [.. BuiltinPhrases.SelectMany(PeerSignatures.ShinglesOf)];

    private readonly Dictionary<string, HashSet<ulong>> _byPart;

    private PeerBoilerplate(Dictionary<string, HashSet<ulong>> byPart) => _byPart = byPart;

    /// <summary>Only the built-in phrases.</summary>
    public static PeerBoilerplate Builtin { get; } = new(new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal));

    /// <summary>The boilerplate as stored (the shingles found frequent per part), plus the built-in phrases.</summary>
    public static PeerBoilerplate Of(IEnumerable<(string Part, ulong Shingle)> frequent)
    {
        var byPart = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        foreach (var (part, shingle) in frequent)
        {
            if (!byPart.TryGetValue(part, out var set))
            {
                byPart[part] = set = [];
            }

            set.Add(shingle);
        }

        return new PeerBoilerplate(byPart);
    }

    /// <summary>Counts the document frequency of every shingle of every part in <paramref name="reports"/> (a year's reports, or a sample of them).</summary>
    public static PeerBoilerplate FromReports(IReadOnlyCollection<ReportSections> reports) => Of(Frequent(reports));

    /// <summary>The (part, shingle) pairs frequent enough in <paramref name="reports"/> to be boilerplate, built-in phrases left out.</summary>
    public static IEnumerable<(string Part, ulong Shingle)> Frequent(IReadOnlyCollection<ReportSections> reports)
    {
        var threshold = Math.Max(MinReports, (int)Math.Floor(reports.Count * Share) + 1);
        if (reports.Count < threshold)
        {
            yield break;
        }

        foreach (var part in SectionCodes.All)
        {
            var counts = new Dictionary<ulong, int>();
            foreach (var sections in reports)
            {
                if (sections[part] is not { Length: > 0 } text)
                {
                    continue;
                }

                foreach (var shingle in PeerSignatures.ShinglesOf(text).ToHashSet())
                {
                    if (!BuiltinShingles.Contains(shingle))
                    {
                        counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
                    }
                }
            }

            foreach (var (shingle, count) in counts)
            {
                if (count >= threshold)
                {
                    yield return (part, shingle);
                }
            }
        }
    }

    /// <summary>The stored frequent shingles of this boilerplate (without the built-in phrases).</summary>
    public IEnumerable<(string Part, ulong Shingle)> Stored => _byPart.SelectMany(p => p.Value.Select(s => (p.Key, s)));

    public bool Contains(string part, ulong shingle) =>
        BuiltinShingles.Contains(shingle) || (_byPart.TryGetValue(part, out var set) && set.Contains(shingle));
}
