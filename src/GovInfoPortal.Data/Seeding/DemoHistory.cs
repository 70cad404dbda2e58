using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Data.Seeding;

/// <summary>How large a demo body's figures are in <see cref="DemoHistory.FirstYear"/>, and how fast they grow a year.</summary>
/// <param name="Requests">新收 applications a year.</param>
/// <param name="Licensing">行政许可 decisions a year (处罚 and 强制 are shares of it).</param>
/// <param name="InForce">行政规范性文件 in force.</param>
/// <param name="Fees">行政事业性收费 in 万元 a year.</param>
/// <param name="Litigation">How often a 复议 or 诉讼 comes (0: never, 1: now and then, 2: every year a few).</param>
internal sealed record DemoProfile(double Requests, double Licensing, int InForce, double Fees, int Litigation, double Growth);

/// <summary>
/// The synthetic history of the demo bodies: a published report for each body and each year from
/// <see cref="FirstYear"/> to <see cref="LastYear"/> that the real demo reports do not cover. Its figures are made up,
/// plausible (the body's size, a yearly trend, a little noise) and consistent with each other and with the real
/// reports beside them, so that the validator passes every year: 上年结转 equals last year's 结转下年度继续办理, 现行有效件数
/// follows from last year's with 制发 and 废止 (2021 format), 上一年项目数量 from last year's with 本年增/减 (2019 format),
/// no total jumps five-fold. Its text says it is synthetic demo data (【演示数据】). The same every time (fixed seed).
/// </summary>
internal static class DemoHistory
{
    public const int FirstYear = 2019;
    public const int LastYear = 2024;

    /// <summary>
    /// The mark every part of a synthetic report starts with, after the demo mark of every demo text; part 一 goes on to
    /// say that the figures are made up. The texts stay short (part 一 under the length the copied-text check compares),
    /// and part 五 changes from year to year, so that no year reads as copied from the one before.
    /// </summary>
    public const string SyntheticMark = "【演示数据】合成历史";

    private static readonly string[] Problems =
    [
        "部分栏目信息更新不够及时，政策解读形式比较单一，个别答复文书的告知内容不够完整",
        "基层工作人员业务培训覆盖不全，部分公开内容的分类不够清晰，数据发布的格式不统一",
        "重点领域信息发布的深度不够，互动回应的时效有待加快，历史信息的整理归档进度偏慢",
    ];

    /// <summary>The reports the history adds, oldest first per body, beside <paramref name="real"/> (which it never repeats).</summary>
    public static IReadOnlyList<ReportDocument> Reports(IEnumerable<(OrganizationRef Organization, DemoProfile Profile)> bodies, IReadOnlyList<ReportDocument> real)
    {
        var documents = new List<ReportDocument>();
        var index = 0;
        foreach (var (organization, profile) in bodies)
        {
            var known = real.Where(r => r.Organization.Code == organization.Code && r.Format != ReportFormat.Legacy).ToDictionary(r => r.Year);
            documents.AddRange(new BodyHistory(organization, profile, known, new Random(2019 + 31 * index++)).Generate());
        }

        return documents;
    }

    /// <summary>One body's years: drawn forward, bent where a real report stands next to them.</summary>
    private sealed class BodyHistory(OrganizationRef organization, DemoProfile profile, IReadOnlyDictionary<int, ReportDocument> known, Random random)
    {
        private readonly Dictionary<string, int> _carried = Applicant.Parts.ToDictionary(c => c, _ => 0);

        public IEnumerable<ReportDocument> Generate()
        {
            var years = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToArray();
            var (made, repealed, inForce) = DocumentsInForce(years);
            var items = ItemCounts();
            foreach (var year in years)
            {
                if (known.TryGetValue(year, out var real))
                {
                    foreach (var column in Applicant.Parts)
                    {
                        _carried[column] = (int)(real.Applications[ApplicationRow.CarriedForward, column] ?? 0);
                    }

                    continue;
                }

                var format = ReportFormats.ForYear(year);
                var size = Math.Pow(profile.Growth, year - FirstYear) * (0.9 + random.NextDouble() * 0.2);
                yield return new ReportDocument
                {
                    Organization = organization,
                    Year = year,
                    Format = format,
                    PublishedOn = new DateOnly(year + 1, 1, 10).AddDays(random.Next(18)),
                    Sections = Sections(year, format),
                    ActiveDisclosure = format == ReportFormat.Format2021
                        ? Disclosure2021(size, made[year], repealed[year], inForce[year])
                        : Disclosure2019(year, size, items),
                    Applications = Applications(year, format, size),
                    ReviewLitigation = ReviewLitigation(),
                };
            }
        }

        private ReportSections Sections(int year, ReportFormat format)
        {
            var problem = Problems[(year + organization.Name.Length) % Problems.Length];
            var other = format == ReportFormat.Format2021 ? "本年度未收取信息处理费。" : "无其他需要报告的事项。";
            return new ReportSections(
                $"{SyntheticMark}：数字非本机关发布。{year}年主动公开、依申请公开、政府信息管理、平台建设、监督保障工作有序。",
                $"{SyntheticMark}。{year}年存在的问题：{problem}。上年度问题已整改。",
                $"{SyntheticMark}。{other}");
        }

        private int Draw(double mean) => mean <= 0 ? 0 : Math.Max(0, (int)Math.Round(mean * (0.85 + random.NextDouble() * 0.3)));

        /// <summary>
        /// 行政规范性文件 制发, 废止 and 现行有效 of the 2021-format years: drawn, then 现行有效 chained from the real report
        /// (backwards before it, forwards after it) or from the profile's count in the first 2021-format year.
        /// </summary>
        private (Dictionary<int, int> Made, Dictionary<int, int> Repealed, Dictionary<int, int> InForce) DocumentsInForce(int[] years)
        {
            var made = new Dictionary<int, int>();
            var repealed = new Dictionary<int, int>();
            var inForce = new Dictionary<int, int>();
            var modern = years.Where(y => ReportFormats.ForYear(y) == ReportFormat.Format2021).ToArray();
            foreach (var year in modern)
            {
                if (known.TryGetValue(year, out var real))
                {
                    made[year] = (int)(real.ActiveDisclosure[DisclosureRow.NormativeDocuments, DisclosureColumn.Made] ?? 0);
                    repealed[year] = (int)(real.ActiveDisclosure[DisclosureRow.NormativeDocuments, DisclosureColumn.Repealed] ?? 0);
                    inForce[year] = (int)(real.ActiveDisclosure[DisclosureRow.NormativeDocuments, DisclosureColumn.InForce] ?? 0);
                }
                else
                {
                    made[year] = Draw(profile.InForce * 0.08);
                    repealed[year] = Draw(profile.InForce * 0.05);
                }
            }

            var anchor = modern.FirstOrDefault(inForce.ContainsKey);
            if (anchor == 0)
            {
                anchor = modern[0];
                inForce[anchor] = profile.InForce;
            }

            for (var year = anchor - 1; year >= modern[0]; year--)
            {
                inForce[year] = Math.Max(0, inForce[year + 1] - made[year + 1] + repealed[year + 1]);
                if (inForce[year + 1] - made[year + 1] + repealed[year + 1] < 0)
                {
                    repealed[year + 1] = made[year + 1] - inForce[year + 1];
                }
            }

            for (var year = anchor + 1; year <= modern[^1]; year++)
            {
                if (known.ContainsKey(year))
                {
                    continue;
                }

                repealed[year] = Math.Min(repealed[year], inForce[year - 1] + made[year]);
                inForce[year] = inForce[year - 1] + made[year] - repealed[year];
            }

            return (made, repealed, inForce);
        }

        /// <summary>
        /// The 2019 form's 上一年项目数量 and 本年增/减 per item row and year: the year before a real 2019-format report
        /// ends where the real one starts.
        /// </summary>
        private Dictionary<(int Year, string Row), (int Previous, int Change)> ItemCounts()
        {
            var counts = new Dictionary<(int, string), (int, int)>();
            var rows = new[] { DisclosureRow.Licensing, DisclosureRow.OtherServices, DisclosureRow.Punishment, DisclosureRow.Coercion, DisclosureRow.Fees };
            var years = Enumerable.Range(FirstYear, ReportFormats.FirstYear2021 - FirstYear).ToArray();
            foreach (var row in rows)
            {
                var items = Draw(profile.Licensing > 0 ? Math.Min(120, 6 + profile.Licensing / 40) : 0);
                for (var i = 0; i < years.Length; i++)
                {
                    var year = years[i];
                    if (known.TryGetValue(year, out var real))
                    {
                        items = (int)((real.ActiveDisclosure[row, DisclosureColumn.Previous] ?? 0) + (real.ActiveDisclosure[row, DisclosureColumn.Change] ?? 0));
                        continue;
                    }

                    if (i + 1 < years.Length && known.TryGetValue(years[i + 1], out var next))
                    {
                        // The year before a real report: end on its 上一年项目数量.
                        var target = (int)(next.ActiveDisclosure[row, DisclosureColumn.Previous] ?? 0);
                        var change = Math.Min(target, random.Next(0, 3));
                        counts[(year, row)] = (target - change, change);
                        continue;
                    }

                    var drawn = Math.Max(-items, random.Next(-1, 3));
                    counts[(year, row)] = (items, drawn);
                    items += drawn;
                }
            }

            return counts;
        }

        private ReportTable Disclosure2021(double size, int made, int repealed, int inForce)
        {
            var licensing = Draw(profile.Licensing * size);
            return ReportTable.FromCells(
            [
                (DisclosureRow.Rules, DisclosureColumn.Made, 0),
                (DisclosureRow.Rules, DisclosureColumn.Repealed, 0),
                (DisclosureRow.Rules, DisclosureColumn.InForce, 0),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.Made, made),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.Repealed, repealed),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.InForce, inForce),
                (DisclosureRow.Licensing, DisclosureColumn.Decisions, licensing),
                (DisclosureRow.Punishment, DisclosureColumn.Decisions, Draw(profile.Licensing * size * 0.2)),
                (DisclosureRow.Coercion, DisclosureColumn.Decisions, Draw(profile.Licensing * size * 0.015)),
                (DisclosureRow.Fees, DisclosureColumn.Amount, Math.Round((decimal)(profile.Fees * size), 4)),
            ]);
        }

        private ReportTable Disclosure2019(int year, double size, Dictionary<(int Year, string Row), (int Previous, int Change)> items)
        {
            var made = Draw(profile.InForce * 0.08);
            var cells = new List<(string, string, decimal?)>
            {
                (DisclosureRow.Rules, DisclosureColumn.NewlyMade, 0),
                (DisclosureRow.Rules, DisclosureColumn.NewlyPublished, 0),
                (DisclosureRow.Rules, DisclosureColumn.TotalPublished, 0),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.NewlyMade, made),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.NewlyPublished, made),
                (DisclosureRow.NormativeDocuments, DisclosureColumn.TotalPublished, profile.InForce + made),
            };
            foreach (var (row, share) in new[] { (DisclosureRow.Licensing, 1.0), (DisclosureRow.OtherServices, 0.3), (DisclosureRow.Punishment, 0.2), (DisclosureRow.Coercion, 0.015), (DisclosureRow.Fees, 0.0) })
            {
                var (previous, change) = items[(year, row)];
                cells.Add((row, DisclosureColumn.Previous, previous));
                cells.Add((row, DisclosureColumn.Change, change));
                if (row != DisclosureRow.Fees)
                {
                    cells.Add((row, DisclosureColumn.Decisions, Draw(profile.Licensing * size * share)));
                }
            }

            cells.Add((DisclosureRow.Procurement, DisclosureColumn.Projects, Draw(profile.Licensing > 0 ? 3 + profile.Requests / 20 : 0)));
            cells.Add((DisclosureRow.Procurement, DisclosureColumn.Amount, Math.Round((decimal)(profile.Fees * size * 0.6), 2)));
            return ReportTable.FromCells(cells);
        }

        /// <summary>
        /// 表三: the year's 新收 spread over 自然人, 商业企业 and 法律服务机构, last year's 结转 carried over, a few carried
        /// forward (exactly what the next real report carried over, where one follows), the rest handled: most granted.
        /// </summary>
        private ReportTable Applications(int year, ReportFormat format, double size)
        {
            var definition = FormatDefinition.For(format).Applications;
            var counts = definition.Rows.ToDictionary(r => r.Code, _ => Applicant.Parts.ToDictionary(c => c, _ => 0));
            var received = Draw(profile.Requests * size);
            var newly = Applicant.Parts.ToDictionary(c => c, _ => 0);
            newly[Applicant.Commercial] = (int)Math.Round(received * 0.12);
            newly[Applicant.LegalService] = (int)Math.Round(received * 0.05);
            newly[Applicant.NaturalPerson] = received - newly[Applicant.Commercial] - newly[Applicant.LegalService];
            known.TryGetValue(year + 1, out var next);
            foreach (var column in Applicant.Parts)
            {
                var carriedOver = _carried[column];
                var carriedForward = next is not null
                    ? (int)(next.Applications[ApplicationRow.CarriedOver, column] ?? 0)
                    : column == Applicant.NaturalPerson && received > 4 ? random.Next(0, Math.Min(4, received / 5) + 1) : 0;
                var newlyReceived = Math.Max(newly[column], carriedForward - carriedOver);
                var handled = newlyReceived + carriedOver - carriedForward;
                counts[ApplicationRow.NewlyReceived][column] = newlyReceived;
                counts[ApplicationRow.CarriedOver][column] = carriedOver;
                counts[ApplicationRow.HandledTotal][column] = handled;
                counts[ApplicationRow.CarriedForward][column] = carriedForward;
                for (var i = 0; i < handled; i++)
                {
                    counts[Outcome(definition)][column]++;
                }

                _carried[column] = carriedForward;
            }

            return ReportTable.FromCells(counts.SelectMany(row =>
                row.Value.Select(cell => (row.Key, cell.Key, (decimal?)cell.Value))
                    .Append((row.Key, Applicant.Total, row.Value.Values.Sum()))));
        }

        private string Outcome(TableDefinition definition)
        {
            string Sub(string group)
            {
                var rows = definition.Rows.Where(r => r.GroupCode == group).ToArray();
                return rows.Length == 0 ? group : rows[random.Next(rows.Length)].Code;
            }

            return random.Next(100) switch
            {
                < 58 => ApplicationRow.Granted,
                < 68 => ApplicationRow.PartiallyGranted,
                < 74 => Sub(ApplicationRow.Denied),
                < 88 => $"{ApplicationRow.Unavailable}.notHeld",
                < 91 => $"{ApplicationRow.Unavailable}.needsCreation",
                < 96 => Sub(ApplicationRow.NotProcessed),
                _ => Sub(ApplicationRow.OtherHandling),
            };
        }

        /// <summary>表四: a few 复议 and 诉讼 for the larger bodies, most upheld.</summary>
        private ReportTable ReviewLitigation()
        {
            var cells = new List<(string, string, decimal?)>();
            foreach (var row in new[] { Indicators.ReviewRow, Indicators.LitigationDirectRow, Indicators.LitigationAfterReviewRow })
            {
                var cases = profile.Litigation switch
                {
                    0 => 0,
                    1 => random.Next(4) == 0 ? 1 : 0,
                    _ => random.Next(0, row == Indicators.LitigationAfterReviewRow ? 2 : 5),
                };
                var parts = ReviewColumn.Parts.ToDictionary(c => c, _ => 0);
                for (var i = 0; i < cases; i++)
                {
                    parts[random.Next(10) switch { < 6 => ReviewColumn.Upheld, < 8 => ReviewColumn.Corrected, 8 => ReviewColumn.Other, _ => ReviewColumn.Pending }]++;
                }

                foreach (var (column, value) in parts)
                {
                    cells.Add((row, column, value));
                }

                cells.Add((row, ReviewColumn.Total, cases));
            }

            return ReportTable.FromCells(cells);
        }
    }
}
