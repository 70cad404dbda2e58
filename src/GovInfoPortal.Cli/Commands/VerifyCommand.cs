using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Fingerprints;
using GovInfoPortal.Documents.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>verify FILE</c>: whether a downloaded JSON or PDF is a published version of the database, and which (<see cref="DownloadVerifier"/>).</summary>
internal static class VerifyCommand
{
    public static CliCommand Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "下载的年度报告文件（JSON 或 PDF）" };
        var command = new CliCommand("verify", "核验下载的年度报告文件（JSON 或 PDF）是否为已发布的版本，并指出是哪一版")
        {
            Notes =
            [
                "JSON 文件：按规范化形式（与空白、键的顺序无关）计算 SHA-256 内容指纹，查找具有该指纹的已发布版本。",
                "PDF 文件：读取文件中标明的内容指纹，重新生成该版本的 PDF 并逐字节比较：文件被改动任何一个字节都不能通过。",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 是已发布的版本（输出机关、年度、版本、发布日期及是否现行版本）；1 不是已发布的版本或内容已被改动，或数据库操作失败；",
                "2 用法错误或文件无法读取、无法识别。",
            ],
        };
        command.Arguments.Add(file);
        var database = new DatabaseCommand.Options(command);
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(file)!, database, result, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, DatabaseCommand.Options database, ParseResult arguments, CliConsole console,
        CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: > DownloadVerifier.MaxBytes })
            {
                return console.Fail(ExitCodes.BadInput, $"{path}：文件过大（超过 {DownloadVerifier.MaxBytes / 1024 / 1024} MB）");
            }

            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return console.Fail(ExitCodes.BadInput, $"{path}：文件不存在");
        }
        catch (UnauthorizedAccessException)
        {
            return console.Fail(ExitCodes.BadInput, $"{path}：没有读取此文件的权限");
        }
        catch (IOException ex)
        {
            return console.Fail(ExitCodes.BadInput, $"{path}：无法读取文件：{ex.Message}");
        }

        return await DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var db = services.GetRequiredService<GovInfoDbContext>();
            var result = await DownloadVerifier.VerifyAsync(content, (fingerprint, token) => PublishedVersions.FindAsync(db, fingerprint, token),
                cancellationToken);
            switch (result.Outcome)
            {
                case VerificationOutcome.Unreadable:
                    return console.Fail(ExitCodes.BadInput, $"{path}：{result.Message}");
                case VerificationOutcome.Verified:
                    var version = result.Version!;
                    console.Out.WriteLine($"{path}：核验通过。{result.Message}");
                    console.Out.WriteLine($"  机关：{version.OrganizationName}{(version.OrganizationCode is { } code ? $"（{code}）" : string.Empty)}");
                    console.Out.WriteLine($"  年度：{version.Year}");
                    console.Out.WriteLine($"  版本：第 {version.Number} 版（{(version.Current ? "现行版本" : "已被更正的旧版本，不是现行版本")}）");
                    console.Out.WriteLine($"  发布日期：{(version.PublishedOn is { } on ? ChineseDates.Date(on) : "不详")}");
                    console.Out.WriteLine($"  内容指纹：{version.Fingerprint}");
                    return ExitCodes.Ok;
                default:
                    console.Out.WriteLine($"{path}：核验未通过。{result.Message}");
                    return ExitCodes.Refused;
            }
        }, cancellationToken);
    }
}
