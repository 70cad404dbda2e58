using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Core.Tests.Domain;

/// <summary><see cref="TableRow"/> and <see cref="ReportTable"/> are value objects.</summary>
public class TableValuesTests
{
    private static TableRow Row(params (string Column, decimal? Value)[] cells) =>
        TableRow.Of(cells.Select(c => new KeyValuePair<string, decimal?>(c.Column, c.Value)));

    [Fact]
    public void Rows_with_the_same_cells_are_equal_whatever_the_order()
    {
        var a = Row(("naturalPerson", 26m), ("total", 26m));
        var b = TableRow.Empty.With("total", 26m).With("naturalPerson", 26m);

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotSame(a, b);
    }

    [Fact]
    public void Rows_with_another_value_or_column_differ()
    {
        var row = Row(("naturalPerson", 26m), ("total", 26m));

        Assert.NotEqual(row, row.With("total", 27m));
        Assert.NotEqual(row, row.With("commercial", 0m));
        Assert.NotEqual(row, Row(("naturalPerson", 26m)));
        Assert.False(row.Equals(null));
    }

    [Fact]
    public void Trailing_zeros_do_not_matter()
    {
        Assert.Equal(Row(("amount", 435.18246m)), Row(("amount", 435.182460m)));
        Assert.Equal(Row(("amount", 1m)).GetHashCode(), Row(("amount", 1.00m)).GetHashCode());
    }

    [Fact]
    public void With_leaves_the_original_unchanged()
    {
        var row = Row(("total", 1m));
        var changed = row.With("total", 2m);

        Assert.Equal(1m, row["total"]);
        Assert.Equal(2m, changed["total"]);
        Assert.Null(row["naturalPerson"]);
    }

    [Fact]
    public void Tables_with_the_same_cells_are_equal()
    {
        var a = ReportTable.FromCells([("granted", "total", 20m), ("denied.stateSecret", "total", 0m)]);
        var b = ReportTable.Empty.With("denied.stateSecret", "total", 0m).With("granted", "total", 20m);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.With("granted", "total", 21m));
        Assert.NotEqual(a, b.With("partiallyGranted", "total", 0m));
    }

    [Fact]
    public void Table_with_leaves_the_original_unchanged()
    {
        var table = ReportTable.FromCells([("granted", "total", 20m)]);
        var changed = table.With("granted", "total", 21m);

        Assert.Equal(20m, table["granted", "total"]);
        Assert.Equal(21m, changed["granted", "total"]);
        Assert.Equal(TableRow.Empty, table.Row("carriedForward"));
        Assert.Null(table["carriedForward", "total"]);
    }

    [Fact]
    public void A_table_of_empty_cells_is_empty()
    {
        Assert.True(ReportTable.Empty.IsEmpty);
        Assert.True(ReportTable.Empty.With("granted", "total", null).IsEmpty);
        Assert.False(ReportTable.Empty.With("granted", "total", 0m).IsEmpty);
    }

    [Fact]
    public void Example_tables_read_twice_are_equal()
    {
        Assert.Equal(TestReports.Quangang2023().Applications, TestReports.Quangang2023().Applications);
        Assert.NotEqual(TestReports.Quangang2023().Applications, TestReports.Xiyuan2020().Applications);
    }

    [Fact]
    public void An_empty_cell_equals_an_absent_cell()
    {
        Assert.Equal(TableRow.Empty, TableRow.Empty.With("total", null));
        Assert.Equal(Row(("total", 1m)), Row(("total", 1m), ("naturalPerson", null)));
        Assert.Equal(ReportTable.Empty, ReportTable.Empty.With("granted", "total", null));
        Assert.Equal(TableRow.Empty.GetHashCode(), TableRow.Empty.With("total", null).GetHashCode());
    }
}
