using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Tests.Formats;

/// <summary>Which figures add up over several bodies (city-wide totals).</summary>
public class SummableColumnsTests
{
    private static string[] NotSummable(ReportFormat format) =>
        [.. FormatDefinition.For(format).Tables.SelectMany(t => t.Cells).Where(c => !c.Column.Summable).Select(c => $"{c.Table.Code}.{c.Row.Code}.{c.Column.Code}")];

    [Fact]
    public void Every_figure_of_the_2021_form_adds_up() => Assert.Empty(NotSummable(ReportFormat.Format2021));

    [Fact]
    public void The_2019_form_does_not_add_up_the_previous_item_counts_and_their_changes()
    {
        Assert.Equal(
        [
            "activeDisclosure.licensing.previous", "activeDisclosure.licensing.change",
            "activeDisclosure.otherServices.previous", "activeDisclosure.otherServices.change",
            "activeDisclosure.punishment.previous", "activeDisclosure.punishment.change",
            "activeDisclosure.coercion.previous", "activeDisclosure.coercion.change",
            "activeDisclosure.fees.previous", "activeDisclosure.fees.change",
        ], NotSummable(ReportFormat.Format2019));
    }
}
