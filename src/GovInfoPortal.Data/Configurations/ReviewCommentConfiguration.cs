using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

public sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("ReviewComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Part).HasMaxLength(ReviewComment.PartMaxLength).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(ReviewComment.TextMaxLength).IsRequired();
        builder.Property(c => c.AuthorId).HasMaxLength(AuditColumns.UserIdMaxLength);
        builder.Property(c => c.AuthorName).HasMaxLength(Actor.NameMaxLength).IsRequired();
        builder.HasOne(c => c.Correction).WithMany().HasForeignKey(c => c.CorrectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ReportId, c.CreatedAt });
    }
}
