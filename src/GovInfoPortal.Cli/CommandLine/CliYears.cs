using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>The report years a command accepts: <see cref="InputLimits.FirstYear"/> to next year, today being China's date as for the portal.</summary>
internal static class CliYears
{
    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    public static int Last => InputLimits.LastYear(Today);

    /// <summary>The year given with <paramref name="option"/>, or null when it is not given; a year out of range is a usage error.</summary>
    public static int? Option(ParsedArguments arguments, string option) => arguments.Int(option, InputLimits.FirstYear, Last);
}
