using GovInfoPortal.Data.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The background export jobs: one row per request, shared by every instance of the portal.</summary>
public sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.ToTable("ExportJobs");
        builder.HasKey(j => j.Id);

        builder.HasOne(j => j.RequestedBy)
            .WithMany()
            .HasForeignKey(j => j.RequestedById)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(j => j.ScopeOrganization)
            .WithMany()
            .HasForeignKey(j => j.ScopeOrganizationId)
            .OnDelete(DeleteBehavior.Cascade);

        builder.Property(j => j.RequestedById).IsRequired();
        builder.Property(j => j.Status);
        builder.Property(j => j.ClaimedBy).HasMaxLength(ExportJob.InstanceMaxLength);
        builder.Property(j => j.ClaimToken).HasMaxLength(ExportJob.ClaimTokenLength);
        builder.Property(j => j.ResultFile).HasMaxLength(ExportJob.ResultFileMaxLength);
        builder.Property(j => j.Error).HasMaxLength(ExportJob.ErrorMaxLength);
        builder.Ignore(j => j.Percent);

        // The workers' poll: queued jobs, and running ones whose heartbeat went stale.
        builder.HasIndex(j => new { j.Status, j.HeartbeatAt });
        // The requester's list, newest first.
        builder.HasIndex(j => new { j.RequestedById, j.CreatedAt });
    }
}
