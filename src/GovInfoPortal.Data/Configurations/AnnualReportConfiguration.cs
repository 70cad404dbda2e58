using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>
/// One report is one row: its content columns (<see cref="WorkingCopyColumns"/>), the organization, and the
/// record of its current publication. Corrections, published revisions and comments have their own tables.
/// </summary>
public sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("AnnualReports");
        builder.HasKey(r => r.Id);

        builder.HasOne(r => r.Organization)
            .WithMany()
            .HasForeignKey(r => r.OrganizationId)
            .OnDelete(DeleteBehavior.Restrict);

        WorkingCopyColumns.Configure(builder);
        builder.Property(r => r.SecrecyReviewedBy).HasMaxLength(Actor.NameMaxLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(ReportFingerprint.Length).IsUnicode(false);
        // Verifying a download looks its fingerprint up.
        builder.HasIndex(r => r.Fingerprint);

        builder.HasMany(r => r.Corrections).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Corrections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Comments).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.CurrentCorrection);
        builder.Ignore(r => r.UnderReview);
        builder.Ignore(r => r.RevisionNumber);

        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        // A year's reports of one status in id order: a search of one year pages through its matches newest first
        // from here (ids follow the years, so a walk over all reports would pass every later year first).
        builder.HasIndex(r => new { r.Year, r.Status, r.Id });

        // The latest publications (home page, feed) in index order: dated ones by year or by date, undated ones by year.
        var published = $"\"{nameof(AnnualReport.Status)}\" = {(int)ReportStatus.Published}";
        var dated = $"{published} AND \"{nameof(AnnualReport.PublishedOn)}\" IS NOT NULL";
        builder.HasIndex(r => new { r.Year, r.PublishedOn, r.Id }, "IX_AnnualReports_Published_ByYear").HasFilter(dated);
        builder.HasIndex(r => new { r.PublishedOn, r.Id }, "IX_AnnualReports_Published_ByDate").HasFilter(dated);
        builder.HasIndex(r => new { r.Year, r.Id }, "IX_AnnualReports_Published_Undated")
            .HasFilter($"{published} AND \"{nameof(AnnualReport.PublishedOn)}\" IS NULL");
    }
}
