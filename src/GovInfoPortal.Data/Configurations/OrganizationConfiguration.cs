using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    /// <summary>Longest materialized path: deep enough for any real tree, and within SQL Server's index key limit.</summary>
    public const int PathMaxLength = 400;

    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);

        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(o => o.Path).HasMaxLength(PathMaxLength).IsRequired();
        builder.Property(o => o.Kind);

        builder.HasOne(o => o.Parent)
            .WithMany(o => o.Children)
            .HasForeignKey(o => o.ParentId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.Children).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Unique where present: PostgreSQL and SQLite allow several NULLs in a unique index, and EF adds the
        // "IS NOT NULL" filter on SQL Server by itself.
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => o.Path);
    }
}
