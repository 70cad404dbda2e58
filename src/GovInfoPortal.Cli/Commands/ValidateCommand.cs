using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Input;
using GovInfoPortal.Cli.Validation;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>validate FILE…</c>: checks reports in the interchange format without saving them.</summary>
internal static class ValidateCommand
{
    public static CliCommand Create(CliConsole console, CliYears years)
    {
        var json = CliOptions.Flag("--json", "以 JSON 输出：一个数组，每个文件一个对象");
        var files = new Argument<string[]>("FILE") { Description = "报告文件（JSON）；给出目录时校验其中所有 *.json 文件", Arity = ArgumentArity.OneOrMore };
        var command = new CliCommand("validate", "校验 govinfo-annual-report/1 格式的年度报告文件（不保存）")
        {
            Notes =
            [
                "同一批文件中若有同一机关（按机关代码，无代码时按名称）上一年度的报告，",
                "则一并进行跨年度核对（crossYear.*）和文字部分雷同检查（narrative.copiedFromLastYear）。",
                "发布期限按机关类别确定（人民政府为次年 3 月 31 日，其他为次年 1 月 31 日），仅对写明 publishedOn 的报告检查。",
                "",
                "JSON 输出：[{ \"file\", \"clean\", \"findings\": [{ \"rule\", \"severity\", \"table\", \"row\", \"column\", \"expected\", \"actual\", \"message\" }] }]；",
                "无法读取的文件为 { \"file\", \"errors\": [{ \"path\", \"message\" }] }（文件本身无法打开时 path 为 null）。",
                "",
                "退出码：0 没有错误（无问题或仅有警告）；1 至少一个文件有错误；2 有文件无法读取或用法错误。",
            ],
        };
        command.Options.Add(json);
        command.Arguments.Add(files);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(files), result.GetValue(json), years.Today, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, DateOnly today, CliConsole console, CancellationToken cancellationToken)
    {
        var files = await InputFile.ReadAllAsync(InputFile.Expand(paths), today, cancellationToken);
        if (files.Count == 0)
        {
            return console.Fail(ExitCodes.BadInput, "没有要校验的文件（给出的目录中没有 *.json 文件）");
        }

        var results = new BatchValidator().Validate(files);
        if (json)
        {
            ValidationOutput.WriteJson(console.Out, results);
        }
        else
        {
            ValidationOutput.WriteText(console.Out, results);
        }

        return results.Any(r => !r.Readable) ? ExitCodes.BadInput
            : results.Any(r => r.HasErrors) ? ExitCodes.Refused
            : ExitCodes.Ok;
    }
}
