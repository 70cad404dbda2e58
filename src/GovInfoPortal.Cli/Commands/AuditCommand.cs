using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>audit verify</c>: checks the audit trail's hash chain (<see cref="AuditChain"/>).</summary>
internal static class AuditCommand
{
    private const string Verify = "verify";

    public static CliCommand Create(CliConsole console)
    {
        var subcommand = new Argument<string>(Verify) { Description = $"子命令：{Verify}" };
        subcommand.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var given }] && given != Verify)
            {
                result.AddError($"未知的子命令“{given}”，可用的子命令：{Verify}");
            }
        });
        var command = new CliCommand("audit", "审计记录：audit verify 校验审计链，发现被修改、删除或插入的记录")
        {
            Notes =
            [
                "每条审计记录保存上一条记录的哈希和自身内容的 SHA-256 哈希，按编号顺序连成一条链；",
                "校验时逐条重新计算：记录的字段被改动、记录被删除或被插入，都会使链在该处断开。",
                "链开始之前写入的记录（升级前的旧记录）没有哈希，单独计数，不受保护。",
                "请把输出中最后一条记录的编号和哈希另行保存：下次校验时与之比对，可发现末尾记录被删除。",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 审计记录完整；1 审计链断开（输出第一条有问题的记录）或数据库操作失败；2 用法或配置错误。",
            ],
        };
        var database = new DatabaseCommand.Options(command);
        command.Arguments.Add(subcommand);
        command.SetAction((result, cancellationToken) => RunAsync(database, result, console, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(DatabaseCommand.Options database, ParseResult arguments, CliConsole console, CancellationToken cancellationToken)
    {
        return DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var result = await new AuditChainVerifier(services.GetRequiredService<GovInfoDbContext>()).VerifyAsync(cancellationToken);
            if (result.Break is { } broken)
            {
                return console.Fail(ExitCodes.Refused, $"审计链断开（已校验 {result.Chained} 条完整记录）：{broken.Message}");
            }

            console.Out.WriteLine($"审计记录完整：{result.Chained} 条");
            if (result.Unchained > 0)
            {
                console.Out.WriteLine($"另有 {result.Unchained} 条审计链开始之前的旧记录，没有哈希，未校验。");
            }

            if (result.LastId is { } lastId)
            {
                console.Out.WriteLine($"最后一条：编号 {lastId}，哈希 {result.LastHash}");
            }

            return ExitCodes.Ok;
        }, cancellationToken);
    }
}
