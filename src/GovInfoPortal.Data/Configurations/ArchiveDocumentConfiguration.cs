using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The original documents of legacy archive reports: one row per report, bytes included.</summary>
public sealed class ArchiveDocumentConfiguration : IEntityTypeConfiguration<ArchiveDocument>
{
    public void Configure(EntityTypeBuilder<ArchiveDocument> builder)
    {
        builder.ToTable("ArchiveDocuments");
        builder.HasKey(d => d.Id);
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ReportId).IsUnique();
        builder.Property(d => d.FileName).HasMaxLength(ArchiveDocument.FileNameMaxLength).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(ArchiveDocument.Sha256Length).IsFixedLength().IsRequired();
        builder.Property(d => d.UploadedBy).HasMaxLength(ArchiveDocument.UploadedByMaxLength).IsRequired();
        builder.Property(d => d.Content).IsRequired();
    }
}
