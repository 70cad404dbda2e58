using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using static GovInfoPortal.Core.Formats.Codes;

namespace GovInfoPortal.Data.Seeding;

/// <summary>One synthetic organization of the plan: its place in the tree (parent before child) and its identity.</summary>
internal sealed record SyntheticOrganization(int Index, int? ParentIndex, string Name, string Code, OrganizationKind Kind);

/// <summary>
/// Plans a realistic tree (province → cities → districts → townships, streets and departments) and plausible
/// small figures that balance, year after year: each year carries over last year's carried-forward
/// applications, in-force documents and item counts, so cross-year checks pass too.
/// </summary>
internal static class SyntheticReports
{
    private const int CitiesPerProvince = 12;
    private const int DistrictsPerCity = 10;
    private const int ChildrenPerDistrict = 25;

    private static readonly string[] Departments = ["教育局", "财政局", "卫生健康局", "自然资源局", "市场监督管理局", "交通运输局", "民政局", "住房和城乡建设局"];
    private static readonly string[] Signers = ["王某", "李某", "张某", "刘某", "陈某", "林某", "黄某", "吴某"];

    private static readonly string[] OverviewSentences =
    [
        "本年度按规定做好主动公开工作。", "依法办理每一件公开申请。", "持续规范政府信息管理。",
        "加强政府网站平台建设。", "健全政务公开监督保障机制。", "及时发布政策解读材料。",
    ];

    public static IEnumerable<SyntheticOrganization> PlanTree(int count, string codePrefix)
    {
        var index = 0;
        for (var province = 1; index < count; province++)
        {
            var provinceIndex = index++;
            yield return new(provinceIndex, null, $"合成{province}省人民政府", Code(provinceIndex), OrganizationKind.PeoplesGovernment);
            for (var city = 1; city <= CitiesPerProvince && index < count; city++)
            {
                var cityIndex = index++;
                var cityName = $"合成{province}省{city}市";
                yield return new(cityIndex, provinceIndex, cityName + "人民政府", Code(cityIndex), OrganizationKind.PeoplesGovernment);
                for (var district = 1; district <= DistrictsPerCity && index < count; district++)
                {
                    var districtIndex = index++;
                    var districtName = $"{cityName}{district}区";
                    yield return new(districtIndex, cityIndex, districtName + "人民政府", Code(districtIndex), OrganizationKind.PeoplesGovernment);
                    for (var child = 1; child <= ChildrenPerDistrict && index < count; child++)
                    {
                        var childIndex = index++;
                        var (name, kind) = (child % 5) switch
                        {
                            0 => ($"{districtName}{Departments[(child / 5 - 1) % Departments.Length]}", OrganizationKind.Department),
                            1 or 2 => ($"{districtName}第{child}镇人民政府", OrganizationKind.Township),
                            _ => ($"{districtName}第{child}街道办事处", OrganizationKind.Township),
                        };
                        yield return new(childIndex, districtIndex, name, Code(childIndex), kind);
                    }
                }
            }
        }

        string Code(int i) => $"{codePrefix}{i + 1:D7}";
    }

    /// <summary>The reports of one organization for the years, oldest first, each with whether it got a deliberate error.</summary>
    public static IEnumerable<(AnnualReport Report, bool WithError)> ReportsOf(SyntheticOrganization organization, Organization entity,
        int firstYear, int lastYear, double errorShare, int seed, DateTime utcNow)
    {
        // The same seed gives the same reports in every process (HashCode.Combine is randomized per process).
        var random = new Random(unchecked((seed * 397) ^ organization.Index));
        var scale = organization.Kind == OrganizationKind.PeoplesGovernment ? 4 : 1;
        var state = new State(random, scale);
        for (var year = firstYear; year <= lastYear; year++)
        {
            var format = ReportFormats.ForYear(year);
            var withError = format != ReportFormat.Legacy && random.NextDouble() < errorShare;
            var status = year < lastYear ? ReportStatus.Published : random.Next(10) switch
            {
                < 7 => ReportStatus.Published,
                7 => ReportStatus.Approved,
                8 => ReportStatus.Submitted,
                _ => ReportStatus.Draft,
            };
            var publishedOn = status == ReportStatus.Published ? new DateOnly(year + 1, 1, 5).AddDays(random.Next(25)) : (DateOnly?)null;
            var document = format == ReportFormat.Legacy
                ? Legacy(organization, year, publishedOn, random, scale)
                : new ReportDocument
                {
                    Organization = new OrganizationRef(organization.Name, organization.Code),
                    Year = year,
                    Format = format,
                    PublishedOn = publishedOn,
                    Sections = Sections(year, format, random),
                    ActiveDisclosure = state.ActiveDisclosure(format),
                    Applications = state.Applications(format, withError),
                    ReviewLitigation = ReviewLitigation(random),
                };
            var signedBy = Signers[random.Next(Signers.Length)];
            var report = AnnualReport.Archived(entity, document, document.Document, document.LegacyFigures, signedBy,
                published: status == ReportStatus.Published, utcNow);
            if (status is ReportStatus.Submitted or ReportStatus.Approved)
            {
                report.SubmitWithoutChecks(utcNow);
                if (status == ReportStatus.Approved)
                {
                    report.Approve(utcNow);
                }
            }

            yield return (report, withError);
        }
    }

    private static ReportDocument Legacy(SyntheticOrganization organization, int year, DateOnly? publishedOn, Random random, int scale)
    {
        var requests = random.Next(4 * scale);
        return new ReportDocument
        {
            Organization = new OrganizationRef(organization.Name, organization.Code),
            Year = year,
            Format = ReportFormat.Legacy,
            PublishedOn = publishedOn,
            Document = $"{organization.Name}{year}年政府信息公开工作年度报告.pdf",
            LegacyFigures = TableRow.Of(new Dictionary<string, decimal?>
            {
                ["主动公开文件数"] = random.Next(20, 200 * scale),
                ["受理政府信息公开申请总数"] = requests,
                ["行政复议数"] = 0,
                ["行政诉讼数"] = 0,
            }),
        };
    }

    /// <summary>
    /// Short texts (under the length the copied-text check compares), different each year, that pass the content
    /// rules: part 一 names the five aspects, part 五 two concrete problems and last year's rectification, part 六
    /// (2021 on) the 信息处理费.
    /// </summary>
    private static ReportSections Sections(int year, ReportFormat format, Random random)
    {
        var first = random.Next(OverviewSentences.Length);
        _ = random.Next(OverviewSentences.Length - 1); // kept, so that the figures drawn after it stay as they were
        var other = format == ReportFormat.Format2021 ? "本年度未收取信息处理费。" : "无其他需要报告的事项。";
        return new ReportSections(
            $"【合成数据】{year}年主动公开、依申请公开、信息管理、平台建设、监督保障均有推进。{OverviewSentences[first]}",
            $"【合成数据】{year}年部分栏目信息更新偏慢、政策解读形式单一；上年度问题已整改。",
            $"【合成数据】{other}");
    }

    /// <summary>
    /// A 处理决定数量 between 10 and 50 (times the scale): one draw, as before, so the figures after it stay as they
    /// were; never five times another year's, which <c>crossYear.spike</c> would flag.
    /// </summary>
    private static int Decisions(Random random, int scale) => 10 * scale + random.Next(0, 50 * scale) * 4 / 5;

    /// <summary>A table from (row, column, value) cells, built at once (the seeder makes millions of them).</summary>
    private static ReportTable Table(List<(string Row, string Column, decimal? Value)> cells) =>
        ReportTable.Of(cells.GroupBy(c => c.Row, StringComparer.Ordinal)
            .Select(row => KeyValuePair.Create(row.Key, TableRow.Of(row.Select(c => KeyValuePair.Create(c.Column, c.Value))))));

    private static ReportTable ReviewLitigation(Random random)
    {
        var cells = new List<(string Row, string Column, decimal? Value)>();
        foreach (var group in new[] { "review", "litigationDirect", "litigationAfterReview" })
        {
            var parts = ReviewColumn.Parts.Select(_ => random.Next(8) == 0 ? random.Next(1, 3) : 0).ToArray();
            for (var i = 0; i < parts.Length; i++)
            {
                cells.Add((group, ReviewColumn.Parts[i], parts[i]));
            }

            cells.Add((group, ReviewColumn.Total, parts.Sum()));
        }

        return Table(cells);
    }

    /// <summary>What one organization carries from one year to the next.</summary>
    private sealed class State(Random random, int scale)
    {
        private readonly Dictionary<string, int> _carriedForward = Applicant.Parts.ToDictionary(c => c, _ => 0);
        private readonly Dictionary<string, int> _inForce = new()
        {
            [DisclosureRow.Rules] = 0,
            [DisclosureRow.NormativeDocuments] = random.Next(5, 40 * scale),
        };

        private readonly Dictionary<string, (int Previous, int Change)> _items = new();
        private readonly Dictionary<string, int> _totalPublished = new()
        {
            [DisclosureRow.Rules] = 0,
            [DisclosureRow.NormativeDocuments] = random.Next(5, 40 * scale),
        };

        public ReportTable ActiveDisclosure(ReportFormat format)
        {
            var cells = new List<(string Row, string Column, decimal? Value)>();
            if (format == ReportFormat.Format2021)
            {
                foreach (var row in new[] { DisclosureRow.Rules, DisclosureRow.NormativeDocuments })
                {
                    var made = row == DisclosureRow.Rules ? 0 : random.Next(0, 4 * scale);
                    var repealed = Math.Min(_inForce[row], row == DisclosureRow.Rules ? 0 : random.Next(0, 3 * scale));
                    _inForce[row] += made - repealed;
                    cells.Add((row, DisclosureColumn.Made, made));
                    cells.Add((row, DisclosureColumn.Repealed, repealed));
                    cells.Add((row, DisclosureColumn.InForce, _inForce[row]));
                }

                foreach (var row in new[] { DisclosureRow.Licensing, DisclosureRow.Punishment, DisclosureRow.Coercion })
                {
                    cells.Add((row, DisclosureColumn.Decisions, Decisions(random, scale)));
                }

                cells.Add((DisclosureRow.Fees, DisclosureColumn.Amount, Math.Round((decimal)random.NextDouble() * 20 * scale, 4)));
                return Table(cells);
            }

            foreach (var row in new[] { DisclosureRow.Rules, DisclosureRow.NormativeDocuments })
            {
                var made = row == DisclosureRow.Rules ? 0 : random.Next(0, 4 * scale);
                _totalPublished[row] += made;
                cells.Add((row, DisclosureColumn.NewlyMade, made));
                cells.Add((row, DisclosureColumn.NewlyPublished, made));
                cells.Add((row, DisclosureColumn.TotalPublished, _totalPublished[row]));
            }

            foreach (var row in new[] { DisclosureRow.Licensing, DisclosureRow.OtherServices, DisclosureRow.Punishment, DisclosureRow.Coercion, DisclosureRow.Fees })
            {
                var previous = _items.TryGetValue(row, out var last) ? last.Previous + last.Change : random.Next(0, 20 * scale);
                var change = Math.Max(-previous, random.Next(-2, 3));
                _items[row] = (previous, change);
                cells.Add((row, DisclosureColumn.Previous, previous));
                cells.Add((row, DisclosureColumn.Change, change));
                if (row != DisclosureRow.Fees)
                {
                    cells.Add((row, DisclosureColumn.Decisions, Decisions(random, scale)));
                }
            }

            cells.Add((DisclosureRow.Procurement, DisclosureColumn.Projects, random.Next(0, 5 * scale)));
            cells.Add((DisclosureRow.Procurement, DisclosureColumn.Amount, Math.Round((decimal)random.NextDouble() * 100 * scale, 2)));
            return Table(cells);
        }

        public ReportTable Applications(ReportFormat format, bool withError)
        {
            var definition = FormatDefinition.For(format).Applications;
            var handlingRows = definition.Rows
                .Select(r => r.Code)
                .Where(c => c is not (ApplicationRow.NewlyReceived or ApplicationRow.CarriedOver or ApplicationRow.HandledTotal or ApplicationRow.CarriedForward))
                .ToArray();
            var counts = definition.Rows.ToDictionary(r => r.Code, _ => Applicant.Parts.ToDictionary(c => c, _ => 0));
            foreach (var column in Applicant.Parts)
            {
                var newly = column == Applicant.NaturalPerson ? random.Next(0, 12 * scale) : random.Next(6) == 0 ? random.Next(1, 3) : 0;
                var carriedOver = _carriedForward[column];
                var available = newly + carriedOver;
                var carriedForward = available == 0 ? 0 : random.Next(0, Math.Min(2, available) + 1);
                var handled = available - carriedForward;
                counts[ApplicationRow.NewlyReceived][column] = newly;
                counts[ApplicationRow.CarriedOver][column] = carriedOver;
                counts[ApplicationRow.HandledTotal][column] = handled;
                counts[ApplicationRow.CarriedForward][column] = carriedForward;
                for (var i = 0; i < handled; i++)
                {
                    counts[PickHandling(handlingRows)][column]++;
                }

                _carriedForward[column] = carriedForward;
            }

            if (withError)
            {
                counts[ApplicationRow.HandledTotal][Applicant.NaturalPerson]++;
            }

            var cells = new List<(string Row, string Column, decimal? Value)>();
            foreach (var (row, columns) in counts)
            {
                foreach (var (column, value) in columns)
                {
                    cells.Add((row, column, value));
                }

                cells.Add((row, Applicant.Total, columns.Values.Sum()));
            }

            return Table(cells);
        }

        /// <summary>Most applications are granted; the other outcomes are spread thinly.</summary>
        private string PickHandling(string[] rows)
        {
            var roll = random.Next(100);
            return roll switch
            {
                < 55 => ApplicationRow.Granted,
                < 65 => ApplicationRow.PartiallyGranted,
                < 85 => $"{ApplicationRow.Unavailable}.notHeld",
                _ => rows[random.Next(rows.Length)],
            };
        }
    }
}
