using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Import;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>
/// The kept year totals give the same answers as summing the reports' JSON tables (<see cref="ReportTableSums"/>)
/// and as counting the reports, for every organization and year, after each kind of change citizens can see; and
/// they equal a rebuild from scratch.
/// </summary>
public class OrganizationTotalsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Reviewer = new("totals-reviewer", "合计审核员");

    [Theory, SqliteData, PostgresData]
    public async Task Demo_data_totals_equal_the_sums_of_the_tables(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            Assert.True((await new DemoDataSeeder(db).SeedAsync()).Seeded);
        }

        var rows = await AssertKeptAsync(database);
        Assert.Contains(rows, r => r.Tabled > 0 && r.Sums.Length > SubtreeSums.EmptyJson.Length);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Synthetic_data_totals_equal_the_sums_of_the_tables(TestProvider provider)
    {
        var database = await SyntheticAsync(provider);
        var rows = await AssertKeptAsync(database);
        Assert.True(rows.Select(r => r.Year).Distinct().Count() >= 4);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_correction_publication_and_a_new_publication_change_the_totals_of_every_ancestor(TestProvider provider)
    {
        var database = await SyntheticAsync(provider);
        int correctedId;
        await using (var db = database.CreateContext())
        {
            // The deepest published report of the last year: it has the most ancestors.
            var report = (await db.Reports.Include(r => r.Organization).Include(r => r.Corrections)
                    .Where(r => r.Status == ReportStatus.Published && r.Year == 2023).ToListAsync())
                .OrderByDescending(r => r.Organization.Path.Length).First();
            correctedId = report.Id;
            var before = report.Applications[Codes.ApplicationRow.NewlyReceived, Codes.Applicant.Total] ?? 0;
            var correction = report.OpenCorrection("表三新收政府信息公开申请数量填报有误", Reviewer, TestData.Now);
            await db.SaveChangesAsync();
            correction.UpdateTable(TableCodes.Applications, correction.Applications.With(Codes.ApplicationRow.NewlyReceived, Codes.Applicant.Total, before + 1000), TestData.Now);
            correction.SubmitWithoutChecks(TestData.Now);
            await db.SaveChangesAsync();
        }

        // Opening, editing and submitting a correction leaves the published figures, and so the totals, alone.
        await AssertKeptAsync(database);
        await using (var db = database.CreateContext())
        {
            var report = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent).Include(r => r.Corrections).SingleAsync(r => r.Id == correctedId);
            report.Approve(TestData.Now);
            report.Publish(new DateOnly(2024, 3, 1), secrecyReviewConfirmed: true, Reviewer, TestData.Now);

            // A report not yet published goes out in the same save.
            var waiting = await db.Reports.Include(r => r.Corrections)
                .FirstAsync(r => r.Year == 2023 && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved));
            if (waiting.Status == ReportStatus.Submitted)
            {
                waiting.Approve(TestData.Now);
            }

            waiting.Publish(new DateOnly(2024, 3, 1), secrecyReviewConfirmed: true, Reviewer, TestData.Now);
            await db.SaveChangesAsync();
        }

        await AssertKeptAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_import_under_an_existing_organization_adds_to_its_ancestors(TestProvider provider)
    {
        var database = await SyntheticAsync(provider);
        await using (var db = database.CreateContext())
        {
            var parent = await db.Organizations.Where(o => o.ParentId != null && db.Organizations.Any(c => c.ParentId == o.Id))
                .OrderBy(o => o.Id).FirstAsync();
            var unique = DatabaseFixture.Unique("tot");
            var result = await new ReportImporter(db).ImportAsync(
            [
                new ImportItem("a.json", TestData.Demo(ReportFormat.Format2021).ForOrganization(unique, parent.Name)),
                new ImportItem("b.json", TestData.Demo(ReportFormat.Format2019).ForOrganization(unique + "b", parent.Name)),
                new ImportItem("c.json", TestData.Demo(ReportFormat.Legacy).ForOrganization(unique + "c", "新上级" + unique)),
            ]);
            Assert.True(result.Success, string.Join("\n", result.Errors));
        }

        await AssertKeptAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Moving_an_organization_under_another_parent_rolls_both_sets_of_ancestors_up_again(TestProvider provider)
    {
        var database = await SyntheticAsync(provider);
        await using (var db = database.CreateContext())
        {
            // A body with a subtree of its own, moved under a body of another branch of the tree.
            var candidates = await db.Organizations.Where(o => o.ParentId != null && db.Organizations.Any(c => c.ParentId == o.Id))
                .OrderByDescending(o => o.Path.Length).ThenBy(o => o.Id).ToListAsync();
            var moved = candidates[0];
            var target = candidates.First(o => !o.Path.StartsWith(moved.Path) && !moved.Path.StartsWith(o.Path) && o.Id != moved.ParentId);
            var oldPath = moved.MoveTo(target);
            foreach (var descendant in await db.Organizations.InSubtree(oldPath).Where(o => o.Id != moved.Id).ToListAsync())
            {
                descendant.RebasePath(oldPath, moved.Path);
            }

            await db.SaveWithPathsAsync();
        }

        await AssertKeptAsync(database);
    }

    [Theory, PostgresData]
    public async Task Publications_in_different_subtrees_at_once_lose_no_update_on_their_shared_ancestors(TestProvider provider)
    {
        var database = await SyntheticAsync(provider);
        List<int> waiting;
        await using (var db = database.CreateContext())
        {
            // Reports waiting for publication under different parents (their ancestors above are shared).
            var candidates = await db.Reports.Include(r => r.Organization)
                .Where(r => r.Year == 2023 && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved) && r.Organization.ParentId != null)
                .ToListAsync();
            waiting = [.. candidates.GroupBy(r => r.Organization.ParentId).Take(4).Select(g => g.First().Id)];
        }

        Assert.True(waiting.Count >= 2, "the synthetic data has reports waiting in at least two subtrees");
        var contexts = waiting.Select(_ => database.CreateContext()).ToList();
        try
        {
            foreach (var (db, id) in contexts.Zip(waiting))
            {
                var report = await db.Reports.Include(r => r.Corrections).SingleAsync(r => r.Id == id);
                if (report.Status == ReportStatus.Submitted)
                {
                    report.Approve(TestData.Now);
                }

                report.Publish(new DateOnly(2024, 3, 1), secrecyReviewConfirmed: true, Reviewer, TestData.Now);
            }

            await Task.WhenAll(contexts.Select(db => Task.Run(() => db.SaveChangesAsync())));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }

        await AssertKeptAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_migrator_fills_the_totals_of_a_database_from_before_them(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new DemoDataSeeder(db).SeedAsync();
            await db.OrganizationYearTotals.ExecuteDeleteAsync();
        }

        await database.MigrateAsync();
        var rows = await AssertKeptAsync(database);
        Assert.NotEmpty(rows);
    }

    private async Task<TestDatabase> SyntheticAsync(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new SyntheticDataSeeder(db, new FixedTime()).SeedAsync(new SyntheticSeedOptions
        {
            Organizations = 50, FirstYear = 2018, LastYear = 2023, CodePrefix = "TOT", RandomSeed = 7,
        });
        return database;
    }

    /// <summary>
    /// Every organization's and the whole portal's totals and counts, for every year, equal the sums of the tables and
    /// the counts of the reports; and the kept rows equal a rebuild. Returns the rows.
    /// </summary>
    private static async Task<List<OrganizationYearTotal>> AssertKeptAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var kept = new ReportTotals(db);
        var summed = new ReportTableSums(db);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Path }).ToListAsync();
        var years = await db.Reports.Select(r => r.Year).Distinct().ToListAsync();
        Assert.NotEmpty(years);
        foreach (var year in years)
        {
            var all = await summed.ForSubtreeAsync("/", year);
            var allKept = await kept.ForSubtreeAsync("/", year);
            Assert.True(Equals(all, allKept), $"all, {year}: {Difference(all, allKept)}");
            Assert.Equal(await db.Reports.CountAsync(r => r.Status == ReportStatus.Published && r.Year == year),
                await OrganizationTotals.SubtreeRows(db, "/").Where(t => t.Year == year).SumAsync(t => t.Reports));
            foreach (var organization in organizations)
            {
                var because = $"organization {organization.Id} ({organization.Path}), {year}";
                var expected = await summed.ForSubtreeAsync(organization.Path, year);
                var actual = await kept.ForSubtreeAsync(organization.Path, year);
                Assert.True(Equals(expected, actual), $"{because}: {Difference(expected, actual)}");
                var expectedChildren = await summed.ForChildrenAsync(organization.Id, year);
                var children = await kept.ForChildrenAsync(organization.Id, year);
                Assert.True(expectedChildren.Count == children.Count && expectedChildren.All(c => children.TryGetValue(c.Key, out var t) && t == c.Value),
                    $"{because}: children " + string.Join("; ", expectedChildren.Keys.Union(children.Keys).Select(key =>
                        $"{key}: {(expectedChildren.TryGetValue(key, out var e) ? (children.TryGetValue(key, out var a) ? Difference(e, a) : "missing") : "extra")}")));
                Assert.True(await db.Reports.InSubtree(organization.Path).CountAsync(r => r.Status == ReportStatus.Published && r.Year == year)
                    == await OrganizationTotals.SubtreeRows(db, organization.Path).Where(t => t.Year == year).SumAsync(t => t.Reports), because);
            }
        }

        var rows = await Rows(db);
        await OrganizationTotals.RebuildAsync(db);
        var rebuilt = await Rows(db);
        Assert.Equal(rebuilt.Count, rows.Count);
        foreach (var (row, again) in rows.Zip(rebuilt))
        {
            Assert.Equal((again.OrganizationId, again.Year, again.Reports, again.Tabled), (row.OrganizationId, row.Year, row.Reports, row.Tabled));
            Assert.True(SubtreeSums.Parse(row.Reports, row.Tabled, row.Sums).SameAs(SubtreeSums.Parse(again.Reports, again.Tabled, again.Sums)),
                $"organization {row.OrganizationId}, {row.Year}: {row.Sums} / {again.Sums}");
        }

        return rows;
    }

    /// <summary>The first cells in which two totals differ, for the message of a failed comparison.</summary>
    private static string Difference(TableTotals expected, TableTotals actual) =>
        $"{expected.Reports} / {actual.Reports} reports; " + string.Join("; ", TableCodes.All
            .SelectMany(code => expected.Table(code).Rows.Keys.Union(actual.Table(code).Rows.Keys)
                .SelectMany(row => expected.Table(code).Row(row).Cells.Keys.Union(actual.Table(code).Row(row).Cells.Keys)
                    .Where(column => expected.Table(code)[row, column] != actual.Table(code)[row, column])
                    .Select(column => $"{code}|{row}|{column}: {expected.Table(code)[row, column]} / {actual.Table(code)[row, column]}")))
            .Take(5));

    private static Task<List<OrganizationYearTotal>> Rows(GovInfoDbContext db) =>
        db.OrganizationYearTotals.AsNoTracking().Where(t => t.Reports > 0).OrderBy(t => t.OrganizationId).ThenBy(t => t.Year).ToListAsync();

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(TestData.Now);
    }
}
