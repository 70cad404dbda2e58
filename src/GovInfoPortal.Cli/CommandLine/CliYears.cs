using System.CommandLine;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>
/// The report years a command accepts: <see cref="InputLimits.FirstYear"/> to next year, today being China's date
/// (<see cref="ChinaTime"/>) by the run's clock, as for the portal.
/// </summary>
internal sealed class CliYears(TimeProvider time)
{
    public DateOnly Today => ChinaTime.Today(time);

    public int Last => InputLimits.LastYear(Today);

    /// <summary><c>--name N</c>: a report year, or null when not given; a year out of range is a usage error.</summary>
    public Option<int?> Option(string name, string description) =>
        CliOptions.Int(name, "N", description, InputLimits.FirstYear, Last);
}
