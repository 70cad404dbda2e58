using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>
/// zh-CN help for the tool and for each command, in place of System.CommandLine's English help; command and
/// option names stay English.
/// </summary>
internal static class HelpWriter
{
    public const string ToolSummary = "政府信息公开工作年度报告命令行工具";

    /// <summary>The action of <c>-h</c>, <c>--help</c> and <c>-?</c>: the help of the command they follow, on stdout.</summary>
    public sealed class Action : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.InvocationConfiguration.Output, parseResult.CommandResult.Command);
            return ExitCodes.Ok;
        }
    }

    /// <summary>The help option: <c>-h</c>, <c>--help</c>, <c>-?</c> (not <c>/h</c> or <c>/?</c>, which are paths here).</summary>
    public static HelpOption Option() => new("--help", "-h", "-?") { Description = "显示帮助", Action = new Action() };

    public static void Write(TextWriter writer, Command command)
    {
        if (command is RootCommand root)
        {
            WriteTool(writer, root);
        }
        else
        {
            WriteCommand(writer, command);
        }
    }

    public static void WriteTool(TextWriter writer, RootCommand root)
    {
        writer.WriteLine($"{Cli.Name} — {ToolSummary}");
        writer.WriteLine();
        writer.WriteLine("用法：");
        writer.WriteLine($"  {Cli.Name} <命令> [选项]");
        writer.WriteLine();
        writer.WriteLine("命令：");
        WriteRows(writer, Visible(root.Subcommands).Select(c => (c.Name, c.Description ?? string.Empty)));
        writer.WriteLine();
        writer.WriteLine("选项：");
        WriteRows(writer, [("-h, --help", "显示帮助"), ("--version", "显示版本")]);
        writer.WriteLine();
        writer.WriteLine($"运行 {Cli.Name} <命令> --help 查看各命令的用法。");
    }

    public static void WriteCommand(TextWriter writer, Command command)
    {
        writer.WriteLine($"{Cli.Name} {command.Name} — {command.Description}");
        writer.WriteLine();
        writer.WriteLine("用法：");
        var argument = command.Arguments.FirstOrDefault();
        var usage = argument?.Arity switch
        {
            null => string.Empty,
            { MinimumNumberOfValues: 0, MaximumNumberOfValues: 1 } => $" [{argument.Name}]",
            { MaximumNumberOfValues: 1 } => $" {argument.Name}",
            { MinimumNumberOfValues: 0 } => $" [{argument.Name}…]",
            _ => $" {argument.Name}…",
        };
        writer.WriteLine($"  {Cli.Name} {command.Name} [选项]{usage}");

        if (argument is not null)
        {
            writer.WriteLine();
            writer.WriteLine("参数：");
            writer.WriteLine($"  {argument.Name}    {argument.Description}");
        }

        writer.WriteLine();
        writer.WriteLine("选项：");
        WriteRows(writer, Visible(command.Options)
            .Select(o => (Signature(o), o.Description ?? string.Empty))
            .Append(("-h, --help", "显示此帮助")));

        if (command is CliCommand { Notes.Count: > 0 } described)
        {
            writer.WriteLine();
            foreach (var note in described.Notes)
            {
                writer.WriteLine(note);
            }
        }
    }

    /// <summary><c>--name</c> for a flag, <c>--name VALUE</c> for an option that takes a value.</summary>
    public static string Signature(Option option) =>
        option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} {option.HelpName}";

    private static IEnumerable<Command> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden);

    private static IEnumerable<Option> Visible(IEnumerable<Option> options) =>
        options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption);

    private static void WriteRows(TextWriter writer, IEnumerable<(string First, string Second)> rows)
    {
        var all = rows.ToArray();
        var width = all.Max(r => r.First.Length) + 2;
        foreach (var (first, second) in all)
        {
            writer.WriteLine($"  {first.PadRight(width)}{second}");
        }
    }
}
