using System.Text;
using System.Text.Json.Nodes;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Core.Tests.Interchange;

/// <summary>A document people or programs send (read with today's date) names a year within 2008..next year.</summary>
public sealed class DocumentYearLimitTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static string OfYear(int year)
    {
        var root = JsonNode.Parse(TestReports.Json(TestReports.QuangangFile))!.AsObject();
        root["year"] = year;
        return root.ToJsonString();
    }

    [Theory]
    [InlineData(2028)]
    [InlineData(2100)]
    [InlineData(2007)]
    public async Task A_year_out_of_range_is_refused_by_every_entry_point(int year)
    {
        var json = OfYear(year);
        var expected = $"报告年度应在 2008 到 2027 之间，收到 {year}。";

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        foreach (var result in new[]
        {
            ReportDocumentReader.Read(json, Today),
            ReportDocumentReader.Read(Encoding.UTF8.GetBytes(json), Today),
            await ReportDocumentReader.ReadAsync(stream, Today),
        })
        {
            Assert.Null(result.Document);
            var error = Assert.Single(result.Errors);
            Assert.Equal(("$.year", expected), (error.Path, error.Message));
        }
    }

    [Fact]
    public void Next_year_is_read_and_a_stored_document_keeps_the_domain_range()
    {
        Assert.NotNull(ReportDocumentReader.Read(OfYear(2027), Today).Document);
        Assert.NotNull(ReportDocumentReader.Read(OfYear(2028)).Document);
        Assert.Contains(ReportDocumentReader.Read(OfYear(2101)).Errors, e => e.Path == "$.year");
    }
}
