using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Seeding;


namespace GovInfoPortal.Data.Tests.Infrastructure;

/// <summary>Documents and organizations for tests, made unique so that tests can share a database.</summary>
public static class TestData
{
    public static readonly DateTime Now = new(2024, 3, 1, 8, 30, 0, DateTimeKind.Utc);

    /// <summary>The shipped demo documents: formats 2021 and 2019 and a legacy archive, every cell filled.</summary>
    public static IReadOnlyList<ReportDocument> DemoDocuments => DemoDataSeeder.DemoReports();

    public static ReportDocument Demo(ReportFormat format) => DemoDocuments.Single(d => d.Format == format);

    /// <summary>The document moved to an organization of its own (unique name and code, a unique parent).</summary>
    public static ReportDocument ForOrganization(this ReportDocument document, string unique, string? parent = null) =>
        document with
        {
            Organization = document.Organization with { Name = document.Organization.Name + unique, Code = unique, Parent = parent },
        };

    public static async Task<Organization> AddOrganizationAsync(GovInfoDbContext db, string name, string? code,
        OrganizationKind kind = OrganizationKind.Township, Organization? parent = null)
    {
        var organization = new Organization(name, code, kind, parent);
        db.Organizations.Add(organization);
        await db.SaveWithPathsAsync();
        return organization;
    }
}
