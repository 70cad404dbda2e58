using System.Text;
using System.CommandLine;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>create-admin</c>: the first admin of a deployment, through the portal's own Identity stores and policy.</summary>
internal static class CreateAdminCommand
{
    private const string User = "--user";
    private const string Name = "--name";
    private const string PasswordStdin = "--password-stdin";
    private const string DefaultDisplayName = "管理员";

    public static CliCommand Create(CliConsole console)
    {
        var user = CliOptions.Value(User, "NAME", "登录用户名（英文字母、数字和 - . _ @ +）");
        var name = CliOptions.Value(Name, "显示名", $"显示名（默认“{DefaultDisplayName}”）");
        var passwordStdin = CliOptions.Flag(PasswordStdin, "从标准输入读取密码（一行）；不带此选项时在终端中提示输入，输入内容不显示");
        var command = new CliCommand("create-admin", "创建管理员账户（生产环境首次启动前创建第一个管理员）")
        {
            Notes =
            [
                $"密码规则与门户相同：{PortalIdentity.PasswordRules}",
                "用户名已存在时拒绝创建。",
                $"示例：printf '%s\\n' \"$ADMIN_PASSWORD\" | {Cli.Name} create-admin --user admin --name 系统管理员 {PasswordStdin}",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 已创建；1 被拒绝（用户名已存在、密码不符合规则）或数据库操作失败；2 用法或配置错误。",
            ],
        };
        command.Options.Add(user);
        command.Options.Add(name);
        command.Options.Add(passwordStdin);
        var database = new DatabaseCommand.Options(command);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(user), result.GetValue(name), result.GetValue(passwordStdin), database, result, console, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(string? userName, string? name, bool passwordStdin, DatabaseCommand.Options database, ParseResult arguments,
        CliConsole console, CancellationToken cancellationToken)
    {
        if (userName is null || string.IsNullOrWhiteSpace(userName))
        {
            throw new UsageException($"请用 {User} 指定登录用户名");
        }

        var displayName = name is not null && !string.IsNullOrWhiteSpace(name) ? name.Trim() : DefaultDisplayName;
        if (displayName.Length > PortalUser.DisplayNameMaxLength)
        {
            throw new UsageException($"显示名不能超过 {PortalUser.DisplayNameMaxLength} 个字符");
        }

        var password = ReadPassword(passwordStdin, console);
        return DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var result = await PortalIdentity.CreateAdminAsync(services.GetRequiredService<GovInfoDbContext>(),
                services.GetRequiredService<UserManager<PortalUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(),
                userName, displayName, password, cancellationToken);
            if (!result.Succeeded)
            {
                return console.Fail(ExitCodes.Refused, $"未创建管理员账户：{string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            console.Out.WriteLine($"已创建管理员账户 {userName.Trim()}（{displayName}）。");
            return ExitCodes.Ok;
        }, cancellationToken);
    }

    private static string ReadPassword(bool fromStdin, CliConsole console)
    {
        if (fromStdin)
        {
            return console.In.ReadLine() is { Length: > 0 } line
                ? line
                : throw new UsageException("标准输入中没有密码");
        }

        if (!console.Interactive)
        {
            throw new UsageException($"标准输入不是终端：请用 {PasswordStdin} 从标准输入提供密码");
        }

        var password = Prompt(console, "密码：");
        if (Prompt(console, "再次输入密码：") != password)
        {
            throw new UsageException("两次输入的密码不一致");
        }

        return password;
    }

    /// <summary>Reads a line from the terminal without showing what is typed.</summary>
    private static string Prompt(CliConsole console, string label)
    {
        console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        console.Error.WriteLine();
        return typed.ToString();
    }
}
