using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Data;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>migrate</c>: applies the configured provider's migrations.</summary>
internal static class MigrateCommand
{
    public static CliCommand Create(CliConsole console)
    {
        var command = new CliCommand("migrate", "将数据库迁移到最新版本（数据库不存在时创建）")
        {
            Notes = [.. DatabaseCommand.Notes, "", "退出码：0 成功；1 数据库操作失败；2 用法或配置错误。"],
        };
        var database = new DatabaseCommand.Options(command);
        command.SetAction((result, cancellationToken) => RunAsync(database, result, console, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(DatabaseCommand.Options database, ParseResult arguments, CliConsole console, CancellationToken cancellationToken) =>
        DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: false, async services =>
        {
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            var pending = await migrator.GetPendingMigrationsAsync(cancellationToken);
            if (pending.Count == 0)
            {
                console.Out.WriteLine("数据库已是最新版本，无需迁移。");
                return ExitCodes.Ok;
            }

            await migrator.MigrateAsync(cancellationToken);
            console.Out.WriteLine($"已应用 {pending.Count} 个迁移：{string.Join("、", pending)}");
            return ExitCodes.Ok;
        }, cancellationToken);
}
