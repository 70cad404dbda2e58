using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Domain;

public sealed class ChinaTimeTests
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_is_chinas_date_whatever_the_machines_zone()
    {
        var lateOnNewYearsEveUtc = new At(new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 1, 1), ChinaTime.Today(lateOnNewYearsEveUtc));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Now(lateOnNewYearsEveUtc).Offset);
        Assert.Equal(new DateTime(2026, 1, 1, 1, 30, 0), ChinaTime.Of(new DateTime(2025, 12, 31, 17, 30, 0)).DateTime);
    }

    [Fact]
    public void Dates_in_texts_read_as_in_chinese_documents()
    {
        Assert.Equal("2022年1月31日", ChineseDates.Date(new DateOnly(2022, 1, 31)));
        Assert.Equal("2024年12月5日", ChineseDates.Date(new DateOnly(2024, 12, 5)));
    }
}
