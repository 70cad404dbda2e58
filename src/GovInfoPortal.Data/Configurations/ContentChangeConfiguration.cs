using GovInfoPortal.Data.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The change log of the published content: ids from the database, tags as one text.</summary>
public sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChangeRecord>
{
    public void Configure(EntityTypeBuilder<ContentChangeRecord> builder)
    {
        builder.ToTable("ContentChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Tags).HasMaxLength(ContentChangeRecord.TagsMaxLength).IsRequired();
        builder.Ignore(c => c.TagList);
    }
}
