namespace GovInfoPortal.Cli.CommandLine;

/// <summary>The command line is wrong (unknown option, missing value, bad number): exit code 2 with a zh-CN message.</summary>
internal sealed class UsageException(string message) : Exception(message);
