namespace GovInfoPortal.Cli.CommandLine;

/// <summary>The exit codes of every command (DESIGN.md §6).</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>validate</c>: no file has an error finding.</summary>
    public const int Ok = 0;

    /// <summary>Refused (an import conflict); for <c>validate</c>: at least one file has an error finding.</summary>
    public const int Refused = 1;

    /// <summary>Bad input or usage: an unreadable file, an unknown option, a missing argument.</summary>
    public const int BadInput = 2;
}
