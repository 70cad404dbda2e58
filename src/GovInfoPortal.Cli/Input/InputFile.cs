using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Cli.Input;

/// <summary>Why a file could not be read: the JSON path (null when the file itself could not be opened) and a zh-CN message.</summary>
internal sealed record InputError(string? Path, string Message)
{
    public override string ToString() => Path is null ? Message : $"{Path}：{Message}";
}

/// <summary>One file given on the command line, read as <c>govinfo-annual-report/1</c>: its document, or why it cannot be read.</summary>
internal sealed record InputFile(string Path, ReportDocument? Document, IReadOnlyList<InputError> Errors)
{
    /// <summary>
    /// The files the arguments name, in order: a file as given (missing ones too, so they are reported),
    /// a directory as all its <c>*.json</c> files in name order.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments) =>
        arguments.SelectMany<string, string>(argument => Directory.Exists(argument)
                ? Directory.EnumerateFiles(argument, "*.json").Order(StringComparer.Ordinal)
                : [argument])
            .ToArray();

    public static async Task<IReadOnlyList<InputFile>> ReadAllAsync(IEnumerable<string> paths, DateOnly today, CancellationToken cancellationToken)
    {
        var files = new List<InputFile>();
        foreach (var path in paths)
        {
            files.Add(await ReadAsync(path, today, cancellationToken));
        }

        return files;
    }

    public static async Task<InputFile> ReadAsync(string path, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var result = await ReportDocumentReader.ReadAsync(stream, today, cancellationToken);
            return new InputFile(path, result.Document, result.Errors.Select(e => new InputError(e.Path, e.Message)).ToArray());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Unreadable(path, "文件不存在");
        }
        catch (UnauthorizedAccessException)
        {
            return Unreadable(path, "没有读取此文件的权限");
        }
        catch (IOException ex)
        {
            return Unreadable(path, $"无法读取文件：{ex.Message}");
        }
    }

    private static InputFile Unreadable(string path, string message) => new(path, null, [new InputError(null, message)]);
}
