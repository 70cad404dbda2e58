namespace GovInfoPortal.Cli.CommandLine;

/// <summary>
/// Where a command reads and writes: input from <see cref="In"/>, results to <see cref="Out"/>, errors and progress
/// to <see cref="Error"/>. <see cref="Interactive"/> when <see cref="In"/> is a terminal a person types at.
/// </summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool Interactive = false)
{
    /// <summary>Writes a zh-CN error line to stderr and returns the exit code to end with.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"{Cli.Name}：错误：{message}");
        return exitCode;
    }

    public void Warn(string message) => Error.WriteLine($"{Cli.Name}：警告：{message}");
}
