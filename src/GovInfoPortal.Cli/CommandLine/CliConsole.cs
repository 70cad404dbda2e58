namespace GovInfoPortal.Cli.CommandLine;

/// <summary>Where a command writes: results to <see cref="Out"/>, errors and progress to <see cref="Error"/>.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Writes a zh-CN error line to stderr and returns the exit code to end with.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"{Cli.Name}：错误：{message}");
        return exitCode;
    }

    public void Warn(string message) => Error.WriteLine($"{Cli.Name}：警告：{message}");
}
