using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

public class StorageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task Migrations_apply_on_an_empty_database(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider, migrate: false);
        await using var db = database.CreateContext();
        var migrator = new DatabaseMigrator(db);
        Assert.NotEmpty(await migrator.GetPendingMigrationsAsync());

        await migrator.MigrateAsync();

        Assert.Empty(await migrator.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
        Assert.Equal(0, await db.Reports.CountAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Organization_tree_has_paths_and_subtree_queries(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("tree");
        int rootId, cityId, townId;
        await using (var db = database.CreateContext())
        {
            var root = new Organization("根" + unique, unique, OrganizationKind.PeoplesGovernment);
            var city = new Organization("市" + unique, unique + "-c", OrganizationKind.PeoplesGovernment, root);
            var town = new Organization("镇" + unique, null, OrganizationKind.Township, city);
            var other = new Organization("另" + unique, null, OrganizationKind.Department);
            db.Organizations.AddRange(town, other, city, root);
            await db.SaveWithPathsAsync();
            (rootId, cityId, townId) = (root.Id, city.Id, town.Id);
        }

        await using (var db = database.CreateContext())
        {
            var town = await db.Organizations.SingleAsync(o => o.Id == townId);
            Assert.Equal(Organization.PathOf([rootId, cityId, townId]), town.Path);
            Assert.Equal(cityId, town.ParentId);

            var root = await db.Organizations.SingleAsync(o => o.Id == rootId);
            var subtree = await db.Organizations.InSubtree(root.Path).Select(o => o.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(new[] { rootId, cityId, townId }.Order(), subtree);

            var city = await db.Organizations.Include(o => o.Children).SingleAsync(o => o.Id == cityId);
            Assert.Equal(townId, Assert.Single(city.Children).Id);
            Assert.Equal(2, await db.Organizations.InSubtree(city.Path).CountAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_a_parent_with_children_is_refused(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("del");
        await using (var db = database.CreateContext())
        {
            var parent = await TestData.AddOrganizationAsync(db, "父" + unique, unique);
            await TestData.AddOrganizationAsync(db, "子" + unique, null, parent: parent);
        }

        await using (var db = database.CreateContext())
        {
            db.Organizations.Remove(await db.Organizations.SingleAsync(o => o.Code == unique));

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Codes_are_unique_where_present(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("code");
        await using (var db = database.CreateContext())
        {
            await TestData.AddOrganizationAsync(db, "甲" + unique, null);
            await TestData.AddOrganizationAsync(db, "乙" + unique, null);
            await TestData.AddOrganizationAsync(db, "丙" + unique, unique);
        }

        await using (var db = database.CreateContext())
        {
            db.Organizations.Add(new Organization("丁" + unique, unique, OrganizationKind.Township));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Reports_round_trip_every_table_and_part_in_every_format(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        foreach (var document in TestData.DemoDocuments)
        {
            var unique = DatabaseFixture.Unique("rt");
            int id;
            await using (var db = database.CreateContext())
            {
                var organization = await TestData.AddOrganizationAsync(db, unique, unique);
                var report = AnnualReport.Archived(organization, document, document.Document, document.LegacyFigures, "签发人", published: false, TestData.Now);
                db.Reports.Add(report);
                await db.SaveChangesAsync();
                id = report.Id;
            }

            await using (var db = database.CreateContext())
            {
                var stored = await db.Reports.Include(r => r.Organization).SingleAsync(r => r.Id == id);

                Assert.Equal(document.Format, stored.Format);
                Assert.Equal(document.Year, stored.Year);
                Assert.Equal(document.Sections, stored.Sections);
                Assert.Equal(document.ActiveDisclosure, stored.ActiveDisclosure);
                Assert.Equal(document.Applications, stored.Applications);
                Assert.Equal(document.ReviewLitigation, stored.ReviewLitigation);
                Assert.Equal(document.Document, stored.LegacyDocument);
                Assert.Equal(document.LegacyFigures, stored.LegacyFigures);
                Assert.Equal("签发人", stored.SignedBy);
                Assert.Equal(ReportStatus.Draft, stored.Status);
                Assert.Equal(TestData.Now, stored.CreatedAt);
                Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
                Assert.Equal(DateTimeKind.Utc, stored.UpdatedAt.Kind);
                Assert.Equal(unique, stored.Organization.Name);
            }
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Empty_cells_decimals_and_dates_round_trip(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("cells");
        var table = ReportTable.Empty
            .With("fees", "amount", 435.18246m)
            .With("rules", "made", null)
            .With("rules", "inForce", 0m);
        int id;
        await using (var db = database.CreateContext())
        {
            var organization = await TestData.AddOrganizationAsync(db, unique, unique);
            var report = AnnualReport.Start(organization, 2023, TestData.Now);
            report.UpdateTable(TableCodes.ActiveDisclosure, table, TestData.Now);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            id = report.Id;
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.Reports.SingleAsync(r => r.Id == id);
            Assert.Equal(table, stored.ActiveDisclosure);
            Assert.Null(stored.ActiveDisclosure["rules", "made"]);
            Assert.Equal(ReportTable.Empty, stored.Applications);
            Assert.Equal(ReportSections.Empty, stored.Sections);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task One_report_per_organization_and_year(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("uq");
        await using var db = database.CreateContext();
        var organization = await TestData.AddOrganizationAsync(db, unique, unique);
        db.Reports.Add(AnnualReport.Start(organization, 2023, TestData.Now));
        await db.SaveChangesAsync();

        db.Reports.Add(AnnualReport.Start(organization, 2023, TestData.Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_second_of_two_concurrent_edits_loses(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("cc");
        int id;
        await using (var db = database.CreateContext())
        {
            var organization = await TestData.AddOrganizationAsync(db, unique, unique);
            var report = AnnualReport.Start(organization, 2022, TestData.Now);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            id = report.Id;
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.Reports.SingleAsync(r => r.Id == id);
        var secondCopy = await second.Reports.SingleAsync(r => r.Id == id);
        firstCopy.UpdateSections(new ReportSections("第一位填报员", null, null), TestData.Now);
        secondCopy.UpdateSections(new ReportSections("第二位填报员", null, null), TestData.Now);

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal("第一位填报员", (await check.Reports.SingleAsync(r => r.Id == id)).Sections.Overview);
    }
}
