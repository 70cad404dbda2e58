namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// The kept totals of one organization's subtree (itself and every body under it) for one year, over published
/// reports only: how many there are, how many are in the year's format, and the sums of their tables' cells.
/// Maintained in the same transaction as every change citizens can see (<see cref="OrganizationTotalsStep"/>,
/// <see cref="OrganizationTotals"/>); the statistics, the counts and the city-wide totals read these rows.
/// </summary>
public sealed class OrganizationYearTotal
{
    private OrganizationYearTotal()
    {
        Sums = SubtreeSums.EmptyJson;
    }

    public int OrganizationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>Published reports of the year in the subtree, in any format (what browse and the home page count).</summary>
    public int Reports { get; private set; }

    /// <summary>Of them, those in the year's format: the reports whose tables <see cref="Sums"/> adds up.</summary>
    public int Tabled { get; private set; }

    /// <summary>The cell sums as JSON, <c>{"table|row|column":[sum,filled],…}</c> (see <see cref="SubtreeSums"/>).</summary>
    public string Sums { get; private set; }
}
