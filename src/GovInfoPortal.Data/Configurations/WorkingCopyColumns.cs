using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>
/// The columns of a report's content, the same for the report and for a correction of it: the narrative parts
/// as three text columns, each official table (and the legacy figures, the warning explanations) as one JSON
/// column, status and format as their enum numbers, and the version as the concurrency token.
/// </summary>
public static class WorkingCopyColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : ReportWorkingCopy
    {
        builder.Property(r => r.Format);
        builder.Property(r => r.Status);

        builder.ComplexProperty(r => r.Sections, sections =>
        {
            sections.Property(s => s.Overview).HasColumnName(nameof(ReportSections.Overview));
            sections.Property(s => s.Problems).HasColumnName(nameof(ReportSections.Problems));
            sections.Property(s => s.OtherMatters).HasColumnName(nameof(ReportSections.OtherMatters));
        });

        foreach (var table in new[] { nameof(ReportWorkingCopy.ActiveDisclosure), nameof(ReportWorkingCopy.Applications), nameof(ReportWorkingCopy.ReviewLitigation) })
        {
            builder.Property<ReportTable>(table)
                .HasConversion(JsonColumns.TableConverter, JsonColumns.TableComparer)
                .IsRequired();
        }

        builder.Property(r => r.LegacyFigures)
            .HasConversion(JsonColumns.RowConverter, JsonColumns.RowComparer)
            .IsRequired();
        builder.Property(r => r.LegacyDocument).HasMaxLength(ReportWorkingCopy.DocumentNameMaxLength);
        builder.Property(r => r.SignedBy).HasMaxLength(ReportWorkingCopy.SignedByMaxLength);
        builder.Property(r => r.WarningExplanations)
            .HasConversion(JsonColumns.ExplanationsConverter, JsonColumns.ExplanationsComparer)
            .IsRequired();

        // The domain raises Version on every change; an update based on an older version matches no row.
        builder.Property(r => r.Version).IsConcurrencyToken();

        // What the domain computes or hands to the audit trail is not stored.
        builder.Ignore(r => r.PendingEvents);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.IsCorrection);
    }
}
