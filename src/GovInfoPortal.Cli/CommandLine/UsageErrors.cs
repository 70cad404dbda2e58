using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>
/// The first usage error of a parsed command line, in zh-CN. System.CommandLine accepts a token that looks like an
/// option as a positional argument or an option's value, and reads <c>--flag=value</c> as the flag and a positional:
/// both are usage errors here, checked before its own errors; its errors (arity, unmatched tokens) are worded
/// here from what failed, and the ones our parsers and validators add are zh-CN already.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Errors that stand even when help is asked for: an unknown option, a value given to a flag.</summary>
    public static string? Syntax(ParseResult result, IReadOnlyList<string> args)
    {
        var command = result.CommandResult.Command;
        if (command is RootCommand)
        {
            return null;
        }

        foreach (var arg in args.Skip(1).TakeWhile(a => a != "--"))
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsOptionLike(arg) && Find(command, arg[..equals]) is { Arity.MaximumNumberOfValues: 0 } flag)
            {
                return $"选项 {flag.Name} 不带值";
            }
        }

        Token? previous = null;
        foreach (var token in result.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if (token.Type == TokenType.Argument && IsOptionLike(token.Value))
            {
                if (previous is { Type: TokenType.Option } && Find(command, previous.Value) is { Arity.MaximumNumberOfValues: > 0 } option)
                {
                    return $"选项 {option.Name} 缺少值 {option.HelpName}";
                }

                var equals = token.Value.IndexOf('=', StringComparison.Ordinal);
                var name = equals > 0 ? token.Value[..equals] : token.Value;
                return $"命令 {command.Name} 没有选项 {name}（运行 {Cli.Name} {command.Name} --help 查看用法）";
            }

            previous = token;
        }

        return null;
    }

    /// <summary>The first of System.CommandLine's errors, in zh-CN.</summary>
    public static string? First(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return null;
        }

        var command = result.CommandResult.Command;
        if (command is RootCommand root)
        {
            var name = result.UnmatchedTokens.FirstOrDefault() ?? string.Empty;
            return UnknownCommand(root, name);
        }

        var error = result.Errors[0];
        var usage = $"（运行 {Cli.Name} {command.Name} --help 查看用法）";
        switch (error.SymbolResult)
        {
            case OptionResult { Option: VersionOption option }:
                return $"选项 {option.Name} 只能单独使用";
            case OptionResult { Option: var option } optionResult when optionResult.Tokens.Count < option.Arity.MinimumNumberOfValues:
                return $"选项 {option.Name} 缺少值 {option.HelpName}";
            case OptionResult { Option: var option } optionResult when optionResult.Tokens.Count > option.Arity.MaximumNumberOfValues:
                return $"选项 {option.Name} 只能给出一次";
            case ArgumentResult { Argument: var argument, Parent: CommandResult } argumentResult
                when argumentResult.Tokens.Count < argument.Arity.MinimumNumberOfValues:
                return $"命令 {command.Name} 缺少参数 {argument.Name}{usage}";
            case CommandResult when result.UnmatchedTokens.Count > 0:
                return command.Arguments.FirstOrDefault() is { } accepted
                    ? $"命令 {command.Name} 最多接受 {accepted.Arity.MaximumNumberOfValues} 个参数 {accepted.Name}"
                    : $"命令 {command.Name} 不接受参数“{result.UnmatchedTokens[0]}”";
            default:
                // Added by our parsers and validators (CliOptions, the commands), in zh-CN.
                return error.Message;
        }
    }

    public static string UnknownCommand(RootCommand root, string name) =>
        $"未知的命令“{name}”，可用的命令：{string.Join("、", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}（运行 {Cli.Name} --help 查看用法）";

    private static Option? Find(Command command, string name) =>
        command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    /// <summary><c>-x</c> or <c>--name</c>; not <c>-</c> (stdin) nor a negative number.</summary>
    private static bool IsOptionLike(string token) =>
        token.Length > 1 && token.StartsWith('-') && !decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
