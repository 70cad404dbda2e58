using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Seeding;

/// <summary>What the demo seeder did: <see cref="Seeded"/> is false when the database already held organizations.</summary>
public sealed record DemoSeedResult(bool Seeded, int Organizations, int Reports)
{
    /// <summary>A zh-CN line for the console.</summary>
    public string Message => Seeded
        ? $"已写入演示数据：{Organizations} 个机关，{Reports} 份年度报告。"
        : "数据库中已有机关数据，未写入演示数据。";
}

/// <summary>
/// Fills an empty database with a small, real-looking demo: the 泉州市 → 晋江市 tree with streets, towns and
/// departments, three published reports (泉港区 2023, 西园街道 2020, 青阳街道 2018 archive) whose figures are
/// those the bodies published, and a synthetic history (<see cref="DemoHistory"/>): every body's other reports of
/// 2019–2024, marked as such. All narrative text is our own and marked 【演示数据】. It runs only when the
/// database holds no organization at all, and never changes or deletes anything.
/// </summary>
public sealed class DemoDataSeeder(GovInfoDbContext db, TimeProvider? timeProvider = null)
{
    private const string ResourcePrefix = "GovInfoPortal.Data.Demo.";

    private sealed record DemoOrganization(string Name, string Code, OrganizationKind Kind, string? ParentCode, DemoProfile Profile);

    // Each body's size in the synthetic history (2019 figures and yearly growth); 泉港区's is set so that its history
    // leads to the figures it published for 2023, 西园街道's stays as small as its published 2020 report.
    private static readonly DemoOrganization[] Tree =
    [
        new("泉州市", "350500", OrganizationKind.PeoplesGovernment, null, new(160, 5200, 320, 1800, 2, 1.07)),
        new("晋江市", "350582", OrganizationKind.PeoplesGovernment, "350500", new(95, 3100, 260, 1100, 2, 1.09)),
        new("晋江市青阳街道办事处", "350582001", OrganizationKind.Township, "350582", new(4, 40, 6, 3, 1, 1.05)),
        new("晋江市梅岭街道办事处", "350582002", OrganizationKind.Township, "350582", new(3, 30, 5, 2, 0, 1.06)),
        new("晋江市西园街道办事处", "350582003", OrganizationKind.Township, "350582", new(1, 6, 2, 0, 0, 1.05)),
        new("晋江市罗山街道办事处", "350582004", OrganizationKind.Township, "350582", new(3, 25, 4, 2, 0, 1.05)),
        new("晋江市安海镇人民政府", "350582100", OrganizationKind.Township, "350582", new(7, 90, 12, 8, 1, 1.06)),
        new("晋江市教育局", "350582-jyj", OrganizationKind.Department, "350582", new(18, 260, 45, 0, 1, 1.08)),
        new("晋江市卫生健康局", "350582-wjj", OrganizationKind.Department, "350582", new(12, 480, 38, 40, 1, 1.06)),
        new("泉州市泉港区人民政府", "350505", OrganizationKind.PeoplesGovernment, "350500", new(19, 1260, 230, 320, 2, 1.08)),
    ];

    /// <summary>签发人 of the demo reports, where the published report names one.</summary>
    private static readonly Dictionary<(string Code, int Year), string> SignedBy = new()
    {
        [("350582001", 2018)] = "吴靖宇",
    };

    /// <summary>What every part of a synthetic history report starts with (after which part 一 says the figures are made up).</summary>
    public const string SyntheticMark = DemoHistory.SyntheticMark;

    /// <summary>The demo reports as shipped (embedded <c>govinfo-annual-report/1</c> documents).</summary>
    public static IReadOnlyList<ReportDocument> DemoReports()
    {
        var assembly = typeof(DemoDataSeeder).Assembly;
        var documents = new List<ReportDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var result = ReportDocumentReader.Read(reader.ReadToEnd());
            documents.Add(result.Document
                ?? throw new InvalidOperationException($"Demo resource {name} is not a valid document: {string.Join("; ", result.Errors)}"));
        }

        return documents;
    }

    /// <summary>
    /// The synthetic history beside <see cref="DemoReports"/>: every demo body's reports of 2019–2024 that are not
    /// real, their text marked as synthetic demo data (<see cref="DemoHistory.SyntheticMark"/>).
    /// </summary>
    public static IReadOnlyList<ReportDocument> HistoryReports() => HistoryOf(DemoReports());

    private static IReadOnlyList<ReportDocument> HistoryOf(IReadOnlyList<ReportDocument> real)
    {
        var names = Tree.ToDictionary(t => t.Code, t => t.Name);
        return DemoHistory.Reports(
            Tree.Select(t => (new OrganizationRef(t.Name, t.Code, t.ParentCode is null ? null : names[t.ParentCode], t.Kind), t.Profile)), real);
    }

    /// <summary>Seeds the demo with its synthetic history when the database holds no organization; otherwise does nothing.</summary>
    public Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken = default) => SeedAsync(history: true, cancellationToken);

    /// <summary>Seeds the demo when the database holds no organization, with or without the synthetic history; otherwise does nothing.</summary>
    public async Task<DemoSeedResult> SeedAsync(bool history, CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return new DemoSeedResult(false, 0, 0);
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var byCode = new Dictionary<string, Organization>();
        foreach (var entry in Tree)
        {
            var organization = new Organization(entry.Name, entry.Code, entry.Kind, entry.ParentCode is null ? null : byCode[entry.ParentCode]);
            byCode.Add(entry.Code, organization);
            db.Organizations.Add(organization);
        }

        var real = DemoReports();
        var documents = history ? [.. real, .. HistoryOf(real)] : real.ToList();
        foreach (var document in documents)
        {
            var organization = byCode[document.Organization.Code!];
            db.Reports.Add(AnnualReport.Archived(organization, document, document.Document, document.LegacyFigures,
                SignedBy.GetValueOrDefault((organization.Code!, document.Year)), published: true, now));
        }

        try
        {
            await db.SaveWithPathsAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same empty database at the same moment: its demo stands.
            db.ChangeTracker.Clear();
            return new DemoSeedResult(false, 0, 0);
        }

        return new DemoSeedResult(true, Tree.Length, documents.Count);
    }
}
