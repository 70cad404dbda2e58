using System.Globalization;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>
/// A command's arguments after parsing: flags, option values and positional arguments. Accepts
/// <c>--name value</c> and <c>--name=value</c>; <c>--</c> ends the options.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly HashSet<string> _flags = [];
    private readonly Dictionary<string, string> _values = [];
    private readonly List<string> _positionals = [];

    private ParsedArguments()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>True when <c>-h</c>, <c>--help</c> or <c>-?</c> was given.</summary>
    public bool HelpRequested { get; private set; }

    public bool Has(string option) => _flags.Contains(option) || _values.ContainsKey(option);

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public int? Int(string option, int min, int max)
    {
        if (Value(option) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"选项 {option} 的值“{text}”无效，应为 {min} 到 {max} 之间的整数");
        }

        return value;
    }

    public static bool IsHelp(string token) => token is "-h" or "--help" or "-?";

    public static ParsedArguments Parse(CommandSpec command, IReadOnlyList<string> tokens)
    {
        var parsed = new ParsedArguments();
        var optionsEnded = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (optionsEnded || token == "-" || !token.StartsWith('-'))
            {
                parsed._positionals.Add(token);
                continue;
            }

            if (token == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (IsHelp(token))
            {
                parsed.HelpRequested = true;
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? token[..equals] : token;
            var option = command.FindOption(name)
                ?? throw new UsageException($"命令 {command.Name} 没有选项 {name}（运行 {Cli.Name} {command.Name} --help 查看用法）");

            if (!option.TakesValue)
            {
                if (equals > 0)
                {
                    throw new UsageException($"选项 {name} 不带值");
                }

                parsed._flags.Add(name);
                continue;
            }

            string value;
            if (equals > 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < tokens.Count && !IsOptionLike(tokens[i + 1]))
            {
                value = tokens[++i];
            }
            else
            {
                throw new UsageException($"选项 {name} 缺少值 {option.ValueName}");
            }

            if (!parsed._values.TryAdd(name, value))
            {
                throw new UsageException($"选项 {name} 只能给出一次");
            }
        }

        if (!parsed.HelpRequested && command.Arguments is { } arguments)
        {
            if (parsed._positionals.Count < arguments.Min)
            {
                throw new UsageException($"命令 {command.Name} 缺少参数 {arguments.Name}（运行 {Cli.Name} {command.Name} --help 查看用法）");
            }

            if (parsed._positionals.Count > arguments.Max)
            {
                throw new UsageException($"命令 {command.Name} 最多接受 {arguments.Max} 个参数 {arguments.Name}");
            }
        }
        else if (!parsed.HelpRequested && parsed._positionals.Count > 0)
        {
            throw new UsageException($"命令 {command.Name} 不接受参数“{parsed._positionals[0]}”");
        }

        return parsed;
    }

    private static bool IsOptionLike(string token) => token.Length > 1 && token.StartsWith('-') && !IsNegativeNumber(token);

    private static bool IsNegativeNumber(string token) => decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
