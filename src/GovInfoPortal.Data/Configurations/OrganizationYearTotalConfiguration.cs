using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>One row per organization and year; an organization's rows go with it.</summary>
public sealed class OrganizationYearTotalConfiguration : IEntityTypeConfiguration<OrganizationYearTotal>
{
    public void Configure(EntityTypeBuilder<OrganizationYearTotal> builder)
    {
        builder.ToTable("OrganizationYearTotals");
        builder.HasKey(t => new { t.OrganizationId, t.Year });
        builder.Property(t => t.Sums).IsRequired();
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
