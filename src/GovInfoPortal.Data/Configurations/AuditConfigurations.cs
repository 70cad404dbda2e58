using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>Column sizes the audit records share.</summary>
public static class AuditColumns
{
    /// <summary>An Identity user id (SQL Server's key length).</summary>
    public const int UserIdMaxLength = AuditEntry.UserIdMaxLength;
}

/// <summary>The audit trail: plain columns, no foreign keys, so that it outlives what it describes.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(a => a.UserName).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(AuditEntry.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false);
        builder.Property(a => a.Hash).HasMaxLength(AuditEntry.HashLength).IsUnicode(false);
        // One successor per entry: two writers can never both chain onto the same entry.
        builder.HasIndex(a => a.PreviousHash).IsUnique();
        builder.HasIndex(a => new { a.ReportId, a.Id });
        builder.HasIndex(a => new { a.OrganizationId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}

/// <summary>Submission snapshots go with their report; the correction's row is never deleted before them.</summary>
public sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> builder)
    {
        builder.ToTable("ReportSubmissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Content).IsRequired();
        builder.Property(s => s.SignedBy).HasMaxLength(ReportWorkingCopy.SignedByMaxLength);
        builder.Property(s => s.SubmittedById).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(s => s.SubmittedByName).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportCorrection>().WithMany().HasForeignKey(s => s.CorrectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ReportId, s.CorrectionId, s.Number });
    }
}

public sealed class NotificationStateConfiguration : IEntityTypeConfiguration<NotificationState>
{
    public void Configure(EntityTypeBuilder<NotificationState> builder)
    {
        builder.ToTable("NotificationStates");
        builder.HasKey(n => n.UserId);
        builder.Property(n => n.UserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
