using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The reviewers' decisions on warnings: a row each, never changed, gone with the report.</summary>
public sealed class WarningDecisionConfiguration : IEntityTypeConfiguration<WarningDecision>
{
    public void Configure(EntityTypeBuilder<WarningDecision> builder)
    {
        builder.ToTable("WarningDecisions");
        builder.HasKey(d => d.Id);
        builder.HasOne<AnnualReport>().WithMany(r => r.WarningDecisions).HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Correction).WithMany().HasForeignKey(d => d.CorrectionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.FindingKey).HasMaxLength(WarningDecision.KeyMaxLength).IsRequired();
        builder.Property(d => d.Rule).HasMaxLength(WarningDecision.KeyMaxLength).IsRequired();
        builder.Property(d => d.Message).HasMaxLength(WarningDecision.MessageMaxLength).IsRequired();
        builder.Property(d => d.Explanation).HasMaxLength(WarningExplanations.MaxLength);
        builder.Property(d => d.Reason).HasMaxLength(WarningDecision.ReasonMaxLength).IsRequired();
        builder.Property(d => d.ReviewerId).HasMaxLength(AuditColumns.UserIdMaxLength);
        builder.Property(d => d.ReviewerName).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.HasIndex(d => new { d.ReportId, d.DecidedAt });
    }
}
