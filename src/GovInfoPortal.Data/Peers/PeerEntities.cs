namespace GovInfoPortal.Data.Peers;

/// <summary>
/// One entry of the peer index: a narrative part of a report in the workflow (submitted, approved or published)
/// falls into <see cref="Bucket"/> of LSH band <see cref="Band"/> (<see cref="Core.Validation.PeerSignatures"/>).
/// Looked up by (year, part, band, bucket).
/// </summary>
public sealed class PeerSignatureBand
{
    public int ReportId { get; private set; }

    public int Year { get; private set; }

    public string Part { get; private set; } = "";

    public int Band { get; private set; }

    public long Bucket { get; private set; }

    private PeerSignatureBand()
    {
    }

    public PeerSignatureBand(int reportId, int year, string part, int band, long bucket) =>
        (ReportId, Year, Part, Band, Bucket) = (reportId, year, part, band, bucket);
}

/// <summary>A shingle that more than the boilerplate share of a year's reports contain in a part (<see cref="Core.Validation.PeerBoilerplate"/>).</summary>
public sealed class PeerBoilerplateShingle
{
    public int Year { get; private set; }

    public string Part { get; private set; } = "";

    public long Shingle { get; private set; }

    private PeerBoilerplateShingle()
    {
    }

    public PeerBoilerplateShingle(int year, string part, long shingle) => (Year, Part, Shingle) = (year, part, shingle);
}

/// <summary>How many of a year's reports the stored boilerplate was counted over (to know when to count again).</summary>
public sealed class PeerBoilerplateYear
{
    public int Year { get; private set; }

    public int Reports { get; private set; }

    private PeerBoilerplateYear()
    {
    }

    public PeerBoilerplateYear(int year, int reports) => (Year, Reports) = (year, reports);
}
