using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Export;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>export</c>: writes stored reports in the interchange format, one file per report or one report to stdout.</summary>
internal static class ExportCommand
{
    private const string Org = "--org";
    private const string Subtree = "--subtree";
    private const string Year = "--year";
    private const string Published = "--published";
    private const string Out = "--out";

    public static CliCommand Create(CliConsole console, CliYears years)
    {
        var org = CliOptions.Value(Org, "CODE", "只导出此机关代码的机关的报告");
        var subtree = CliOptions.Flag(Subtree, $"与 {Org} 一起使用：同时导出其下级机关的报告");
        var year = years.Option(Year, "只导出此年度的报告");
        var published = CliOptions.Flag(Published, "只导出已发布的报告");
        var output = CliOptions.Value(Out, "DIR", "输出目录：每份报告一个文件，文件名为“机关代码（无代码时为机关名称）-年度.json”");
        var command = new CliCommand("export", "将数据库中的年度报告导出为 govinfo-annual-report/1 格式")
        {
            Notes =
            [
                "不给出 --out 时，仅有一份符合条件的报告则输出到标准输出；多于一份时请用 --out 指定目录。",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 成功；1 没有符合条件的报告或数据库操作失败；2 用法或配置错误。",
            ],
        };
        command.Options.Add(org);
        command.Options.Add(subtree);
        command.Options.Add(year);
        command.Options.Add(published);
        command.Options.Add(output);
        var database = new DatabaseCommand.Options(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(subtree) is not null && result.GetResult(org) is null)
            {
                result.AddError($"选项 {Subtree} 须与 {Org} 一起使用");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            var filter = new ReportExportFilter(
                result.GetValue(org),
                result.GetValue(year),
                PublishedOnly: result.GetValue(published),
                IncludeSubtree: result.GetValue(subtree));
            return RunAsync(filter, result.GetValue(output), database, result, console, cancellationToken);
        });
        return command;
    }

    private static Task<int> RunAsync(ReportExportFilter filter, string? directory, DatabaseCommand.Options database, ParseResult arguments,
        CliConsole console, CancellationToken cancellationToken)
    {
        return DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var exporter = services.GetRequiredService<ReportExporter>();
            return directory is null
                ? await ToStdoutAsync(exporter, filter, console, cancellationToken)
                : await ToDirectoryAsync(exporter, filter, directory, console, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<int> ToStdoutAsync(ReportExporter exporter, ReportExportFilter filter, CliConsole console, CancellationToken cancellationToken)
    {
        var documents = new List<ReportDocument>(2);
        await foreach (var document in exporter.StreamAsync(filter, cancellationToken))
        {
            documents.Add(document);
            if (documents.Count > 1)
            {
                return console.Fail(ExitCodes.BadInput, $"有多份符合条件的报告，请用 {Out} 指定输出目录，或用 {Org}、{Year} 缩小范围");
            }
        }

        if (documents.Count == 0)
        {
            return console.Fail(ExitCodes.Refused, "没有符合条件的报告");
        }

        console.Out.WriteLine(ReportDocumentWriter.Write(documents[0]));
        return ExitCodes.Ok;
    }

    private static async Task<int> ToDirectoryAsync(ReportExporter exporter, ReportExportFilter filter, string directory,
        CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return console.Fail(ExitCodes.BadInput, $"无法创建输出目录“{directory}”：{ex.Message}");
        }

        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var document in exporter.StreamAsync(filter, cancellationToken))
        {
            var name = FileNameOf(document, written);
            try
            {
                WriteFile(Path.Combine(directory, name), document);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return console.Fail(ExitCodes.Refused, $"无法写入文件“{name}”：{ex.Message}");
            }
        }

        if (written.Count == 0)
        {
            return console.Fail(ExitCodes.Refused, "没有符合条件的报告");
        }

        console.Out.WriteLine($"已导出 {written.Count} 份报告到 {directory}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The document as UTF-8 JSON and a line end, written straight into the file (no string of it in
    /// between): an export of many reports holds one document at a time, read as the database returns it.
    /// </summary>
    private static void WriteFile(string path, ReportDocument document)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 16384);
        ReportDocumentWriter.Write(file, document);
        file.WriteByte((byte)'\n');
    }

    /// <summary><c>{code or name}-{year}.json</c>, safe as a file name and unique within this export.</summary>
    internal static string FileNameOf(ReportDocument document, ISet<string> taken)
    {
        var organization = document.Organization.Code is { Length: > 0 } code ? code : document.Organization.Name;
        var stem = $"{organization}-{document.Year}";
        stem = string.Concat(stem.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var name = $"{stem}.json";
        for (var i = 2; !taken.Add(name); i++)
        {
            name = $"{stem}-{i}.json";
        }

        return name;
    }
}
