using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Cli.Input;
using GovInfoPortal.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>import FILE…</c>: stores reports of the interchange format, all or nothing.</summary>
internal static class ImportCommand
{
    public static CliCommand Create(CliConsole console, CliYears years)
    {
        var replace = CliOptions.Flag("--replace", "替换同一机关同一年度已有的报告（已发布的报告不能替换）");
        var files = new Argument<string[]>("FILE") { Description = "报告文件（JSON）；给出目录时导入其中所有 *.json 文件", Arity = ArgumentArity.OneOrMore };
        var command = new CliCommand("import", "将 govinfo-annual-report/1 格式的年度报告导入数据库（全部成功或全部不导入）")
        {
            Notes =
            [
                "机关按代码查找，无代码时按名称；不存在的机关（及其上级）会自动创建。",
                "写明 publishedOn 的报告作为已发布报告存档，其余作为草稿导入。",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 全部导入；1 被拒绝（如报告已存在），未导入任何报告；2 有文件无法读取或用法错误，未导入任何报告。",
            ],
        };
        command.Options.Add(replace);
        var database = new DatabaseCommand.Options(command);
        command.Arguments.Add(files);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(files), result.GetValue(replace), years.Today, database, result, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool replace, DateOnly today, DatabaseCommand.Options database, ParseResult arguments,
        CliConsole console, CancellationToken cancellationToken)
    {
        var files = await InputFile.ReadAllAsync(InputFile.Expand(paths), today, cancellationToken);
        if (files.Count == 0)
        {
            return console.Fail(ExitCodes.BadInput, "没有要导入的文件（给出的目录中没有 *.json 文件）");
        }

        var unreadable = files.Where(f => f.Document is null).ToArray();
        if (unreadable.Length > 0)
        {
            foreach (var file in unreadable)
            {
                foreach (var error in file.Errors)
                {
                    console.Error.WriteLine($"{file.Path}：{error}");
                }
            }

            return console.Fail(ExitCodes.BadInput, $"{unreadable.Length} 个文件无法读取，未导入任何报告");
        }

        var items = files.Select(f => new ImportItem(f.Path, f.Document!)).ToArray();
        return await DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var result = await services.GetRequiredService<ReportImporter>()
                .ImportAsync(items, new ReportImportOptions(replace), cancellationToken);
            if (!result.Success)
            {
                foreach (var error in result.Errors)
                {
                    console.Error.WriteLine(error);
                }

                return console.Fail(ExitCodes.Refused, "导入被拒绝，未导入任何报告");
            }

            console.Out.WriteLine($"已导入 {result.Imported + result.Replaced} 份报告（新增 {result.Imported} 份，替换 {result.Replaced} 份）。");
            if (result.CreatedOrganizations.Count > 0)
            {
                console.Out.WriteLine($"新建机关 {result.CreatedOrganizations.Count} 个：{string.Join("、", result.CreatedOrganizations)}");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
