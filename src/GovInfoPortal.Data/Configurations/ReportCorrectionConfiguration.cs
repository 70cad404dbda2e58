using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>A correction is a row of its own with a copy of the report's content columns and its own workflow.</summary>
public sealed class ReportCorrectionConfiguration : IEntityTypeConfiguration<ReportCorrection>
{
    public void Configure(EntityTypeBuilder<ReportCorrection> builder)
    {
        builder.ToTable("ReportCorrections");
        builder.HasKey(c => c.Id);
        WorkingCopyColumns.Configure(builder);
        builder.Property(c => c.Reason).HasMaxLength(ReportCorrection.ReasonMaxLength).IsRequired();
        builder.Property(c => c.OpenedById).HasMaxLength(AuditColumns.UserIdMaxLength);
        builder.Property(c => c.OpenedByName).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.RevisionNumber);
        builder.HasIndex(c => new { c.ReportId, c.Number }).IsUnique();
    }
}
