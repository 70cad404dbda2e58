namespace GovInfoPortal.Cli.CommandLine;

/// <summary>An option: <c>--name</c> alone (a flag) or followed by a value named <see cref="ValueName"/>.</summary>
internal sealed record OptionSpec(string Name, string Description, string? ValueName = null)
{
    public bool TakesValue => ValueName is not null;

    public string Signature => TakesValue ? $"{Name} {ValueName}" : Name;
}

/// <summary>The positional arguments a command takes, for help and for the count check.</summary>
internal sealed record ArgumentsSpec(string Name, string Description, int Min, int Max = int.MaxValue);

/// <summary>One command: what help shows about it, what it accepts and what runs it.</summary>
internal sealed record CommandSpec(
    string Name,
    string Summary,
    IReadOnlyList<OptionSpec> Options,
    ArgumentsSpec? Arguments,
    Func<ParsedArguments, CliConsole, CancellationToken, Task<int>> Run)
{
    /// <summary>Extra lines shown at the end of the command's help (exit codes, examples).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public OptionSpec? FindOption(string name) => Options.FirstOrDefault(o => o.Name == name);
}
