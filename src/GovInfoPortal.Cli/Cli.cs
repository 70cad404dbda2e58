using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Commands;

namespace GovInfoPortal.Cli;

/// <summary>The command line <c>govinfo</c>, runnable in-process: the program and the tests both call <c>RunAsync</c>.</summary>
public static class Cli
{
    public const string Name = "govinfo";

    /// <summary>Set to 1 to let unexpected exceptions through with their stack trace.</summary>
    public const string DebugVariable = "GOVINFO_DEBUG";

    internal static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        ValidateCommand.Spec,
        ImportCommand.Spec,
        ExportCommand.Spec,
        MigrateCommand.Spec,
        SeedCommand.Spec,
        CreateAdminCommand.Spec,
        AuditCommand.Spec,
    ];

    /// <summary>Runs one command line and returns its exit code (<see cref="ExitCodes"/>); nothing to read on stdin.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, TextReader.Null, stdout, stderr, interactive: false, cancellationToken);

    /// <summary>
    /// Runs one command line and returns its exit code (<see cref="ExitCodes"/>). <paramref name="interactive"/>:
    /// <paramref name="stdin"/> is the terminal, so a password may be asked for without echo.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdin, stdout, stderr, interactive);
        if (args.Length == 0)
        {
            HelpWriter.WriteTool(stderr, Commands);
            return ExitCodes.BadInput;
        }

        if (ParsedArguments.IsHelp(args[0]) || args[0] == "help" && args.Length == 1)
        {
            HelpWriter.WriteTool(stdout, Commands);
            return ExitCodes.Ok;
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3));
            return ExitCodes.Ok;
        }

        var helpCommand = args[0] == "help";
        var commandName = helpCommand ? args[1] : args[0];
        var command = Commands.FirstOrDefault(c => c.Name == commandName);
        if (command is null)
        {
            return console.Fail(ExitCodes.BadInput, $"未知的命令“{commandName}”，可用的命令：{string.Join("、", Commands.Select(c => c.Name))}（运行 {Name} --help 查看用法）");
        }

        if (helpCommand)
        {
            HelpWriter.WriteCommand(stdout, command);
            return ExitCodes.Ok;
        }

        try
        {
            var parsed = ParsedArguments.Parse(command, args[1..]);
            if (parsed.HelpRequested)
            {
                HelpWriter.WriteCommand(stdout, command);
                return ExitCodes.Ok;
            }

            return await command.Run(parsed, console, cancellationToken);
        }
        catch (UsageException ex)
        {
            return console.Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return console.Fail(ExitCodes.Refused, "操作已取消");
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable(DebugVariable) != "1")
        {
            // Expected failures are handled where they happen; this keeps a stack trace off the user's screen.
            return console.Fail(ExitCodes.Refused, $"内部错误（{ex.GetType().Name}）：{ex.Message}（设置环境变量 {DebugVariable}=1 可显示详细信息）");
        }
    }
}
