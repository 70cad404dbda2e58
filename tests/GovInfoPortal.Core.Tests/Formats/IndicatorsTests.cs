using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Formats;

/// <summary>The indicators on the example reports' figures, worked out by hand, and on zero denominators.</summary>
public class IndicatorsTests
{
    private static IndicatorValue Value(IReportContent report, string code) =>
        Indicators.Of(report).Single(v => v.Definition.Code == code);

    // 表三 总计: 予以公开 20, 部分公开 2, （七）总计 26 → 22 / 26.
    // 表四 未经复议直接起诉: 维持 1, 纠正 3, 其他 0, 尚未审结 0; 复议后起诉 all 0 → 3 / 4.
    [Theory]
    [InlineData(Indicators.DisclosureRate, 22, 26, "0.8462", "84.6%")]
    [InlineData(Indicators.LitigationCorrectionRate, 3, 4, "0.75", "75.0%")]
    public void Quangang_2023_indicators_by_hand(string code, int numerator, int denominator, string rate, string display)
    {
        var value = Value(TestReports.Quangang2023(), code);

        Assert.Equal(numerator, value.Numerator);
        Assert.Equal(denominator, value.Denominator);
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), value.RoundedRate);
        Assert.Equal(display, value.Display);
    }

    [Fact]
    public void Quangang_2023_had_no_review_so_its_review_correction_rate_is_undefined()
    {
        var value = Value(TestReports.Quangang2023(), Indicators.ReviewCorrectionRate);

        Assert.Equal(0m, value.Denominator);
        Assert.Null(value.Rate);
        Assert.Equal("—", value.Display);
    }

    [Fact]
    public void Xiyuan_2020_in_the_2019_format_has_every_indicator_and_all_are_undefined_on_zeros()
    {
        var values = Indicators.Of(TestReports.Xiyuan2020());

        Assert.Equal([Indicators.DisclosureRate, Indicators.ReviewCorrectionRate, Indicators.LitigationCorrectionRate],
            values.Select(v => v.Definition.Code));
        Assert.All(values, v =>
        {
            Assert.Equal(0m, v.Denominator);
            Assert.Null(v.Rate);
            Assert.Equal("—", v.Display);
        });
    }

    [Fact]
    public void Pending_cases_are_not_concluded()
    {
        var report = TestReports.Xiyuan2020()
            .WithCell(TableCodes.ReviewLitigation, "review", "corrected", 1)
            .WithCell(TableCodes.ReviewLitigation, "review", "upheld", 1)
            .WithCell(TableCodes.ReviewLitigation, "review", "pending", 5)
            .WithCell(TableCodes.ReviewLitigation, "review", "total", 7);

        Assert.Equal(0.5m, Value(report, Indicators.ReviewCorrectionRate).Rate);
    }

    [Fact]
    public void An_empty_cell_leaves_the_indicator_undefined()
    {
        var report = TestReports.Quangang2023().WithApplications("granted", "total", null);

        var value = Value(report, Indicators.DisclosureRate);

        Assert.Null(value.Numerator);
        Assert.Null(value.Rate);
        Assert.Equal("—", value.Display);
    }

    [Fact]
    public void The_indicator_of_summed_tables_is_the_ratio_of_the_sums()
    {
        // 22/26 and 0/4 → 22/30, not the mean of 84.6% and 0%.
        var quangang = TestReports.Quangang2023();
        var other = TestReports.Xiyuan2021()
            .WithApplications("handledTotal", "total", 4)
            .WithApplications("denied.internalAffairs", "total", 4);
        ReportTable Sum(string table) => ReportTable.FromCells(FormatDefinition.For(ReportFormat.Format2021).FindTable(table)!.Cells
            .Select(c => (c.Row.Code, c.Column.Code, quangang.Table(table)[c.Row.Code, c.Column.Code] + other.Table(table)[c.Row.Code, c.Column.Code])));

        var value = Indicators.Compute(ReportFormat.Format2021, Sum).Single(v => v.Definition.Code == Indicators.DisclosureRate);

        Assert.Equal(22m / 30m, value.Rate);
    }

    [Fact]
    public void Legacy_reports_have_no_indicator() => Assert.Empty(Indicators.For(ReportFormat.Legacy));

    [Theory]
    [InlineData(ReportFormat.Format2019)]
    [InlineData(ReportFormat.Format2021)]
    public void Every_cell_an_indicator_reads_is_in_the_format(ReportFormat format)
    {
        var definition = FormatDefinition.For(format);
        var cells = Indicators.For(format).SelectMany(i => i.Numerator.Concat(i.Denominator)).ToList();

        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.NotNull(CellRef.Find(definition, cell.Key)));
    }

    [Fact]
    public void A_cell_key_names_a_cell_of_the_format_or_nothing()
    {
        var definition = FormatDefinition.For(ReportFormat.Format2021);

        Assert.Equal("（七）总计", CellRef.Find(definition, "applications|handledTotal|total")!.Row.Label);
        Assert.Null(CellRef.Find(definition, "applications|handledTotal"));
        Assert.Null(CellRef.Find(definition, "applications|nope|total"));
        Assert.Null(CellRef.Find(definition, null));
    }
}
