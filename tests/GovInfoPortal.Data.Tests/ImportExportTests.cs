using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Export;
using GovInfoPortal.Data.Import;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

public class ImportExportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task Import_creates_organizations_under_their_parent_and_archives_published_reports(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("imp");
        var parent = "上级" + unique;
        var published = TestData.Demo(ReportFormat.Format2021).ForOrganization(unique, parent);
        var draft = TestData.Demo(ReportFormat.Format2019).ForOrganization(unique + "b", parent) with { PublishedOn = null };

        await using (var db = database.CreateContext())
        {
            var result = await new ReportImporter(db).ImportAsync([new ImportItem("a.json", published), new ImportItem("b.json", draft)]);

            Assert.True(result.Success, string.Join("\n", result.Errors));
            Assert.Equal(2, result.Imported);
            Assert.Equal(new[] { parent, published.Organization.Name, draft.Organization.Name }.Order(), result.CreatedOrganizations.Order());        }

        await using (var db = database.CreateContext())
        {
            var organization = await db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Code == unique);
            Assert.Equal(parent, organization.Parent!.Name);
            Assert.Equal(OrganizationKind.PeoplesGovernment, organization.Kind);
            Assert.Equal(Organization.PathOf([organization.Parent.Id, organization.Id]), organization.Path);
            var report = await db.Reports.SingleAsync(r => r.OrganizationId == organization.Id);
            Assert.Equal(ReportStatus.Published, report.Status);
            Assert.Equal(new DateOnly(2024, 1, 10), report.PublishedOn);
            var drafted = await db.Reports.SingleAsync(r => r.Organization.Code == unique + "b");
            Assert.Equal(ReportStatus.Draft, drafted.Status);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Import_is_all_or_nothing(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("aon");
        var existing = TestData.Demo(ReportFormat.Format2021).ForOrganization(unique);
        await using (var db = database.CreateContext())
        {
            Assert.True((await new ReportImporter(db).ImportAsync([existing])).Success);
        }

        var fresh = TestData.Demo(ReportFormat.Format2019).ForOrganization(unique + "new", "新上级" + unique);
        await using (var db = database.CreateContext())
        {
            var result = await new ReportImporter(db).ImportAsync([new ImportItem("fresh.json", fresh), new ImportItem("again.json", existing)]);

            Assert.False(result.Success);
            var error = Assert.Single(result.Errors);
            Assert.Equal("again.json", error.Source);
            Assert.Contains("已存在", error.Message);
            Assert.Contains(existing.Organization.Name, error.Message);
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Organizations.AnyAsync(o => o.Code == unique + "new" || o.Name == "新上级" + unique));
            Assert.Equal(1, await db.Reports.CountAsync(r => r.Organization.Code == unique));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Replace_takes_a_draft_but_never_a_published_report(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("rep");
        var draft = TestData.Demo(ReportFormat.Format2021).ForOrganization(unique) with { PublishedOn = null };
        await using (var db = database.CreateContext())
        {
            Assert.True((await new ReportImporter(db).ImportAsync([draft])).Success);
        }

        var corrected = draft with { Sections = draft.Sections with { Overview = "【演示数据】更正后的总体情况。" } };
        await using (var db = database.CreateContext())
        {
            var refused = await new ReportImporter(db).ImportAsync([corrected]);
            Assert.False(refused.Success);

            var result = await new ReportImporter(db).ImportAsync([corrected], new ReportImportOptions(Replace: true));
            Assert.True(result.Success, string.Join("\n", result.Errors));
            Assert.Equal(1, result.Replaced);
        }

        var published = corrected with { PublishedOn = new DateOnly(2024, 1, 10) };
        await using (var db = database.CreateContext())
        {
            var stored = await db.Reports.SingleAsync(r => r.Organization.Code == unique);
            Assert.Equal("【演示数据】更正后的总体情况。", stored.Sections.Overview);
            stored.SignOff("签发人", TestData.Now);
            stored.SubmitWithoutChecks(TestData.Now);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var underReview = await new ReportImporter(db).ImportAsync([published], new ReportImportOptions(Replace: true));
            Assert.Contains("审核中", Assert.Single(underReview.Errors).Message);
        }

        await using (var db = database.CreateContext())
        {
            (await db.Reports.SingleAsync(r => r.Organization.Code == unique)).Return(ReportParts.General, "请修改。", Actor.System, TestData.Now);
            await db.SaveChangesAsync();
            Assert.True((await new ReportImporter(db).ImportAsync([published], new ReportImportOptions(Replace: true))).Success);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(ReportStatus.Published, (await db.Reports.SingleAsync(r => r.Organization.Code == unique)).Status);
            var result = await new ReportImporter(db).ImportAsync([published], new ReportImportOptions(Replace: true));
            Assert.Contains("已发布", Assert.Single(result.Errors).Message);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_batch_naming_one_report_twice_is_refused(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var document = TestData.Demo(ReportFormat.Format2021).ForOrganization(DatabaseFixture.Unique("dup"));
        await using var db = database.CreateContext();

        var result = await new ReportImporter(db).ImportAsync([new ImportItem("a.json", document), new ImportItem("b.json", document)]);

        Assert.Equal("b.json", Assert.Single(result.Errors).Source);
        Assert.False(await db.Organizations.AnyAsync(o => o.Code == document.Organization.Code));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Export_write_read_gives_back_the_imported_documents(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("exp");
        var parentCode = unique + "p";
        var documents = TestData.DemoDocuments
            .Select((d, i) => d with
            {
                Organization = d.Organization with { Name = d.Organization.Name + unique, Code = unique + i, Parent = "上级" + unique },
            })
            .ToList();
        await using (var db = database.CreateContext())
        {
            var parent = await TestData.AddOrganizationAsync(db, "上级" + unique, parentCode, OrganizationKind.PeoplesGovernment);
            Assert.True((await new ReportImporter(db).ImportAsync(documents)).Success);
        }

        await using (var db = database.CreateContext())
        {
            var exported = await new ReportExporter(db).ExportAsync(new ReportExportFilter(parentCode, IncludeSubtree: true));
            var roundTripped = exported.Select(d => ReportDocumentReader.Read(ReportDocumentWriter.Write(d)).Document!).ToList();

            // A published report's export states its fingerprint, the one of its content.
            Assert.All(roundTripped.Where(d => d.PublishedOn is not null), d => Assert.Equal(ReportFingerprint.Of(d), d.Fingerprint));
            Assert.Equal(documents.OrderBy(d => d.Organization.Code), roundTripped.Select(d => d with { Fingerprint = null }).OrderBy(d => d.Organization.Code));

            Assert.Empty(await new ReportExporter(db).ExportAsync(new ReportExportFilter(parentCode)));
            var one = Assert.Single(await new ReportExporter(db).ExportAsync(new ReportExportFilter(unique + "0", Year: documents[0].Year, PublishedOnly: true)));
            Assert.Equal(documents[0].Organization.Name, one.Organization.Name);
        }
    }
}
