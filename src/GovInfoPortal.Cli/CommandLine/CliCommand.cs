using System.CommandLine;

namespace GovInfoPortal.Cli.CommandLine;

/// <summary>A command of <c>govinfo</c>: its one-line zh-CN summary is the description, <see cref="Notes"/> end its help.</summary>
internal sealed class CliCommand(string name, string summary) : Command(name, summary)
{
    /// <summary>Extra lines shown at the end of the command's help (exit codes, examples).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The option and argument shapes the commands use, with zh-CN descriptions and English names.</summary>
internal static class CliOptions
{
    /// <summary><c>--name</c> alone: present or not; a value given to it is a usage error.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary><c>--name VALUE</c>, given at most once.</summary>
    public static Option<string> Value(string name, string valueName, string description) =>
        new(name) { Description = description, HelpName = valueName };

    /// <summary><c>--name N</c>: a whole number from <paramref name="min"/> to <paramref name="max"/>, or null when not given.</summary>
    public static Option<int?> Int(string name, string valueName, string description, int min, int max) =>
        Parsed<int>(name, valueName, description, text =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : $"选项 {name} 的值“{text}”无效，应为 {min} 到 {max} 之间的整数");

    /// <summary>
    /// <c>--name VALUE</c> read by <paramref name="parse"/>, which returns the value or the zh-CN reason it is invalid
    /// (a usage error); null when the option is not given.
    /// </summary>
    public static Option<T?> Parsed<T>(string name, string valueName, string description, Func<string, OneOf<T>> parse)
        where T : struct =>
        new(name)
        {
            Description = description,
            HelpName = valueName,
            CustomParser = result =>
            {
                if (result.Tokens.Count != 1)
                {
                    // A missing or repeated value is reported from the arity (UsageErrors).
                    return null;
                }

                var parsed = parse(result.Tokens[0].Value);
                if (parsed.Error is { } error)
                {
                    result.AddError(error);
                    return null;
                }

                return parsed.Value;
            },
        };

    /// <summary>A parsed value or the zh-CN reason there is none.</summary>
    public readonly record struct OneOf<T>(T Value, string? Error)
        where T : struct
    {
        public static implicit operator OneOf<T>(T value) => new(value, null);

        public static implicit operator OneOf<T>(string error) => new(default, error);
    }
}
