using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Archive;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Configurations;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Data.Saving;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovInfoPortal.Data;

/// <summary>
/// The portal's one unit of work, the same for every provider (SQLite, PostgreSQL, SQL Server). The
/// provider and its migrations assembly come from the options (see <see cref="GovInfoDatabase"/>). It also
/// stores the ASP.NET Core Identity accounts (<see cref="PortalUser"/>, roles), so one database holds everything.
/// Every save goes through the context's <see cref="SavePipeline"/> (audit trail, search index, change log, year
/// totals), however the context was made.
/// </summary>
public class GovInfoDbContext(DbContextOptions<GovInfoDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private readonly SavePipeline _saves = SavePipeline.ForPortal();

    /// <summary>The steps every save of this context goes through, in order.</summary>
    public IReadOnlyList<ISaveStep> SaveSteps => _saves.Steps;

    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AnnualReport> Reports => Set<AnnualReport>();

    /// <summary>Background exports (a year's PDFs as one ZIP), claimed by one instance of the portal through this table.</summary>
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    /// <summary>Corrections of published reports, each a working copy that goes through review again.</summary>
    public DbSet<ReportCorrection> ReportCorrections => Set<ReportCorrection>();

    /// <summary>Published versions that corrections replaced; never changed.</summary>
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    /// <summary>The reviewers' decisions on warnings (accepted or sent back), never changed.</summary>
    public DbSet<WarningDecision> WarningDecisions => Set<WarningDecision>();

    /// <summary>The content of each submission for review, to compare the next one with.</summary>
    public DbSet<ReportSubmission> ReportSubmissions => Set<ReportSubmission>();

    /// <summary>The audit trail (written by <see cref="AuditStep"/>); never changed.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<NotificationState> NotificationStates => Set<NotificationState>();

    /// <summary>The original PDFs of legacy (≤ 2018) archive reports, one per report.</summary>
    public DbSet<ArchiveDocument> ArchiveDocuments => Set<ArchiveDocument>();

    /// <summary>The log of the changes citizens can see, which every instance follows (see <see cref="ContentChangeStep"/>).</summary>
    public DbSet<ContentChangeRecord> ContentChanges => Set<ContentChangeRecord>();

    /// <summary>The kept totals of each organization's subtree per year (see <see cref="Statistics.OrganizationTotals"/>).</summary>
    public DbSet<Statistics.OrganizationYearTotal> OrganizationYearTotals => Set<Statistics.OrganizationYearTotal>();

    /// <summary>The peer index of <c>narrative.copiedFromPeer</c> (kept by <see cref="Peers.PeerIndex"/>).</summary>
    public DbSet<Peers.PeerSignatureBand> PeerSignatureBands => Set<Peers.PeerSignatureBand>();

    public DbSet<Peers.PeerBoilerplateShingle> PeerBoilerplateShingles => Set<Peers.PeerBoilerplateShingle>();

    public DbSet<Peers.PeerBoilerplateYear> PeerBoilerplateYears => Set<Peers.PeerBoilerplateYear>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        _saves.SaveAsync(this, _ => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        _saves.SaveAsync(this, token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), cancellationToken);

    /// <summary>
    /// Saves, then gives every organization that has no <see cref="Organization.Path"/> yet (a new one) its
    /// path from the id it just got, parents before children, and saves again — all in one transaction
    /// (joined when one is already open).
    /// </summary>
    public async Task<int> SaveWithPathsAsync(CancellationToken cancellationToken = default)
    {
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var saved = await SaveChangesAsync(cancellationToken);
            var withoutPath = ChangeTracker.Entries<Organization>()
                .Select(e => e.Entity)
                .Where(o => o.Path.Length == 0)
                .OrderBy(Depth)
                .ToList();
            foreach (var organization in withoutPath)
            {
                organization.UpdatePath();
            }

            if (withoutPath.Count > 0)
            {
                await SaveChangesAsync(cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static int Depth(Organization organization)
    {
        var depth = 0;
        for (var parent = organization.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        return depth;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GovInfoDbContext).Assembly);

        var properties = modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();
        if (Database.IsNpgsql())
        {
            // One report is one row; its tables are JSON documents that PostgreSQL can index and query.
            foreach (var property in properties.Where(p => JsonColumns.IsJsonColumn(p.ClrType)))
            {
                property.SetColumnType("jsonb");
            }

            // Subtree queries are prefix LIKEs on the path: a btree index serves them only with the pattern
            // operator class when the database collation is not C.
            modelBuilder.Entity<Organization>().HasIndex(o => o.Path).HasOperators("text_pattern_ops");
        }
        else
        {
            // SQLite and SQL Server hand DateTime back without a kind; every DateTime we store is UTC.
            foreach (var property in properties.Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            {
                property.SetValueConverter(UtcConverter);
            }
        }
    }

    private static readonly ValueConverter<DateTime, DateTime> UtcConverter = new(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
