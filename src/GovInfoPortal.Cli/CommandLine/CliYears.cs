using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>The report years a command accepts: <see cref="InputLimits.FirstYear"/> to next year by this machine's clock.</summary>
internal static class CliYears
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static int Last => InputLimits.LastYear(Today);

    /// <summary>The year given with <paramref name="option"/>, or null when it is not given; a year out of range is a usage error.</summary>
    public static int? Option(ParsedArguments arguments, string option) => arguments.Int(option, InputLimits.FirstYear, Last);
}
