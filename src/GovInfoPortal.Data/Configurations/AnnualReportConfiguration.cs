using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>
/// One report is one row: the narrative parts are three text columns, each official table (and the legacy
/// figures) one JSON column. Format and status are stored as their enum numbers.
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

        builder.Property(r => r.Format);
        builder.Property(r => r.Status);

        builder.ComplexProperty(r => r.Sections, sections =>
        {
            sections.Property(s => s.Overview).HasColumnName(nameof(ReportSections.Overview));
            sections.Property(s => s.Problems).HasColumnName(nameof(ReportSections.Problems));
            sections.Property(s => s.OtherMatters).HasColumnName(nameof(ReportSections.OtherMatters));
        });

        foreach (var table in new[] { nameof(AnnualReport.ActiveDisclosure), nameof(AnnualReport.Applications), nameof(AnnualReport.ReviewLitigation) })
        {
            builder.Property<ReportTable>(table)
                .HasConversion(JsonColumns.TableConverter, JsonColumns.TableComparer)
                .IsRequired();
        }

        builder.Property(r => r.LegacyFigures)
            .HasConversion(JsonColumns.RowConverter, JsonColumns.RowComparer)
            .IsRequired();
        builder.Property(r => r.LegacyDocument).HasMaxLength(AnnualReport.DocumentNameMaxLength);
        builder.Property(r => r.SignedBy).HasMaxLength(AnnualReport.SignedByMaxLength);
        builder.Property(r => r.WarningExplanations)
            .HasConversion(JsonColumns.ExplanationsConverter, JsonColumns.ExplanationsComparer)
            .IsRequired();

        // The domain raises Version on every change; an update based on an older version matches no row.
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasIndex(r => new { r.OrganizationId, r.Year }).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Status });
    }
}
