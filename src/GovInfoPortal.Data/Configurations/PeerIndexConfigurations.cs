using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Peers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovInfoPortal.Data.Configurations;

/// <summary>The peer index's bands: a row per report, part and band, found by (year, part, band, bucket); gone with the report.</summary>
public sealed class PeerSignatureBandConfiguration : IEntityTypeConfiguration<PeerSignatureBand>
{
    public const int PartMaxLength = 16;

    public void Configure(EntityTypeBuilder<PeerSignatureBand> builder)
    {
        builder.ToTable("PeerSignatureBands");
        builder.HasKey(b => new { b.ReportId, b.Part, b.Band });
        builder.Property(b => b.Part).HasMaxLength(PartMaxLength);
        builder.HasIndex(b => new { b.Year, b.Part, b.Band, b.Bucket });
        builder.HasOne<AnnualReport>().WithMany().HasForeignKey(b => b.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PeerBoilerplateShingleConfiguration : IEntityTypeConfiguration<PeerBoilerplateShingle>
{
    public void Configure(EntityTypeBuilder<PeerBoilerplateShingle> builder)
    {
        builder.ToTable("PeerBoilerplateShingles");
        builder.HasKey(s => new { s.Year, s.Part, s.Shingle });
        builder.Property(s => s.Part).HasMaxLength(PeerSignatureBandConfiguration.PartMaxLength);
    }
}

public sealed class PeerBoilerplateYearConfiguration : IEntityTypeConfiguration<PeerBoilerplateYear>
{
    public void Configure(EntityTypeBuilder<PeerBoilerplateYear> builder)
    {
        builder.ToTable("PeerBoilerplateYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
    }
}
