using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>A published version a correction replaced: its document as one text column, never updated.</summary>
public sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> builder)
    {
        builder.ToTable("ReportRevisions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Content).IsRequired();
        builder.Property(v => v.SignedBy).HasMaxLength(ReportWorkingCopy.SignedByMaxLength);
        builder.Property(v => v.SecrecyReviewedBy).HasMaxLength(Actor.NameMaxLength);
        builder.Property(v => v.SupersededReason).HasMaxLength(ReportCorrection.ReasonMaxLength).IsRequired();
        builder.HasOne(v => v.SupersededBy).WithMany().HasForeignKey(v => v.SupersededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        builder.Property(v => v.Fingerprint).HasMaxLength(ReportFingerprint.Length).IsUnicode(false);
        builder.HasIndex(v => v.Fingerprint);
    }
}
