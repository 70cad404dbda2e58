using System.CommandLine;
using System.CommandLine.Invocation;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Commands;

namespace GovInfoPortal.Cli;

/// <summary>
/// The command line <c>govinfo</c>, runnable in-process: the program and the tests both call <c>RunAsync</c>.
/// Parsed by System.CommandLine; help and usage errors are zh-CN (<see cref="HelpWriter"/>, <see cref="UsageErrors"/>).
/// </summary>
public static class Cli
{
    public const string Name = "govinfo";

    /// <summary>Set to 1 to let unexpected exceptions through with their stack trace.</summary>
    public const string DebugVariable = "GOVINFO_DEBUG";

    /// <summary>The commands, as help lists them.</summary>
    internal static IReadOnlyList<Command> Commands =>
        [.. Root(new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null), new CliYears(TimeProvider.System)).Subcommands.Where(c => !c.Hidden)];

    /// <summary>Runs one command line and returns its exit code (<see cref="ExitCodes"/>); nothing to read on stdin.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, TextReader.Null, stdout, stderr, interactive: false, cancellationToken);

    /// <summary>
    /// Runs one command line and returns its exit code (<see cref="ExitCodes"/>). <paramref name="interactive"/>:
    /// <paramref name="stdin"/> is the terminal, so a password may be asked for without echo. <paramref name="time"/>:
    /// the clock that gives today's date in China (the years accepted), the system's by default.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive,
        CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdin, stdout, stderr, interactive);
        var root = Root(console, new CliYears(time ?? TimeProvider.System));
        if (args.Length == 0)
        {
            HelpWriter.WriteTool(stderr, root);
            return ExitCodes.BadInput;
        }

        try
        {
            var result = Parse(root, args);
            if (UsageErrors.Syntax(result, args) is { } syntax)
            {
                return console.Fail(ExitCodes.BadInput, syntax);
            }

            if (result.Action is not { ClearsParseErrors: true } && UsageErrors.First(result) is { } error)
            {
                return console.Fail(ExitCodes.BadInput, error);
            }

            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // Exceptions are handled below; Ctrl+C is the program's cancellation token.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, cancellationToken);
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

    /// <summary>
    /// Parses under zh-CN, so that a System.CommandLine message that <see cref="UsageErrors"/> does not word itself
    /// comes in its Chinese translation, never in English.
    /// </summary>
    private static ParseResult Parse(RootCommand root, string[] args)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return root.Parse(args);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private static RootCommand Root(CliConsole console, CliYears years)
    {
        var root = new RootCommand(HelpWriter.ToolSummary)
        {
            ValidateCommand.Create(console, years),
            ImportCommand.Create(console, years),
            ExportCommand.Create(console, years),
            MigrateCommand.Create(console),
            SeedCommand.Create(console, years),
            CreateAdminCommand.Create(console),
            AuditCommand.Create(console),
            VerifyCommand.Create(console),
        };

        root.Options.Clear();
        root.Options.Add(HelpWriter.Option());
        var version = new VersionOption { Description = "显示版本" };
        version.Action = new VersionAction();
        root.Options.Add(version);
        root.Subcommands.Add(HelpCommand(root));
        return root;
    }

    /// <summary><c>help</c> and <c>help COMMAND</c>: the same as <c>--help</c> and <c>COMMAND --help</c>.</summary>
    private static Command HelpCommand(RootCommand root)
    {
        var name = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "显示帮助") { Hidden = true };
        help.Arguments.Add(name);
        help.SetAction(result =>
        {
            var output = result.InvocationConfiguration;
            if (result.GetValue(name) is not [var commandName, ..])
            {
                HelpWriter.WriteTool(output.Output, root);
                return ExitCodes.Ok;
            }

            if (root.Subcommands.FirstOrDefault(c => c.Name == commandName && !c.Hidden) is not { } command)
            {
                throw new UsageException(UsageErrors.UnknownCommand(root, commandName));
            }

            HelpWriter.WriteCommand(output.Output, command);
            return ExitCodes.Ok;
        });
        return help;
    }

    /// <summary><c>--version</c>: the version as major.minor.patch.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3));
            return ExitCodes.Ok;
        }
    }
}
