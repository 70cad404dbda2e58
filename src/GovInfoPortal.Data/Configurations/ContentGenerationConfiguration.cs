using GovInfoPortal.Data.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The one-row table of the published content's generation, created with its row.</summary>
public sealed class ContentGenerationConfiguration : IEntityTypeConfiguration<ContentGeneration>
{
    public void Configure(EntityTypeBuilder<ContentGeneration> builder)
    {
        builder.ToTable("ContentGenerations");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasData(new ContentGeneration(1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
