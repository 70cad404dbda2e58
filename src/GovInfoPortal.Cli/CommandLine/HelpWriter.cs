namespace GovInfoPortal.Cli.CommandLine;

/// <summary>zh-CN help for the tool and for each command; command and option names stay English.</summary>
internal static class HelpWriter
{
    public static void WriteTool(TextWriter writer, IReadOnlyList<CommandSpec> commands)
    {
        writer.WriteLine($"{Cli.Name} — 政府信息公开工作年度报告命令行工具");
        writer.WriteLine();
        writer.WriteLine("用法：");
        writer.WriteLine($"  {Cli.Name} <命令> [选项]");
        writer.WriteLine();
        writer.WriteLine("命令：");
        var width = commands.Max(c => c.Name.Length) + 2;
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("选项：");
        writer.WriteLine("  -h, --help    显示帮助");
        writer.WriteLine("  --version     显示版本");
        writer.WriteLine();
        writer.WriteLine($"运行 {Cli.Name} <命令> --help 查看各命令的用法。");
    }

    public static void WriteCommand(TextWriter writer, CommandSpec command)
    {
        writer.WriteLine($"{Cli.Name} {command.Name} — {command.Summary}");
        writer.WriteLine();
        writer.WriteLine("用法：");
        var arguments = command.Arguments switch
        {
            null => string.Empty,
            { Min: 0, Max: 1 } a => $" [{a.Name}]",
            { Max: 1 } a => $" {a.Name}",
            { Min: 0 } a => $" [{a.Name}…]",
            var a => $" {a.Name}…",
        };
        writer.WriteLine($"  {Cli.Name} {command.Name} [选项]{arguments}");

        if (command.Arguments is { } spec)
        {
            writer.WriteLine();
            writer.WriteLine("参数：");
            writer.WriteLine($"  {spec.Name}    {spec.Description}");
        }

        var options = command.Options.Select(o => (Signature: o.Signature, o.Description))
            .Append((Signature: "-h, --help", Description: "显示此帮助"))
            .ToArray();
        var width = options.Max(o => o.Signature.Length) + 2;
        writer.WriteLine();
        writer.WriteLine("选项：");
        foreach (var (signature, description) in options)
        {
            writer.WriteLine($"  {signature.PadRight(width)}{description}");
        }

        if (command.Notes.Count > 0)
        {
            writer.WriteLine();
            foreach (var note in command.Notes)
            {
                writer.WriteLine(note);
            }
        }
    }
}
