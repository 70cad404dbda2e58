using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Cli.Tests;

/// <summary><c>create-admin</c> through the portal's Identity stores, policy and zh-CN messages.</summary>
public sealed class CreateAdminCommandTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Password = "first#admin2026";

    private static Task<CliResult> CreateAdminAsync(TestDatabase database, string password, params string[] args) =>
        CliRunner.RunWithInputAsync(password + "\n",
            ["create-admin", .. args, "--password-stdin", "--provider", database.Provider.ToString(), "--connection", database.ConnectionString]);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Creates_an_admin_with_the_portals_password_hash_and_refuses_a_taken_name(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);

        var created = await CreateAdminAsync(database, Password, "--user", "city-admin", "--name", "市政府办公室管理员");
        var again = await CreateAdminAsync(database, "other#admin2026", "--user", "city-admin");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("已创建管理员账户 city-admin（市政府办公室管理员）", created.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("用户名“city-admin”已被使用。", again.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync();
        Assert.Equal("市政府办公室管理员", user.DisplayName);
        Assert.Null(user.OrganizationId);
        Assert.True(user.LockoutEnabled);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<PortalUser>().VerifyHashedPassword(user, user.PasswordHash!, Password));
        var role = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).SingleAsync();
        Assert.Equal((user.Id, PortalRoles.Admin), (role.UserId, role.Name));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_weak_password_is_refused_with_the_policys_messages_and_nothing_is_written(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);

        var weak = await CreateAdminAsync(database, "aaaa", "--user", "admin");
        var noDigit = await CreateAdminAsync(database, "onlyletters", "--user", "admin");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("密码至少需要 8 个字符。", weak.Error, StringComparison.Ordinal);
        Assert.Contains("密码至少需要包含一个数字。", weak.Error, StringComparison.Ordinal);
        Assert.Contains("密码至少需要包含 4 个不同的字符。", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, noDigit.ExitCode);
        Assert.Contains("密码至少需要包含一个数字。", noDigit.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.UserRoles.AnyAsync());
    }

    [Fact]
    public async Task Usage_errors_are_explained()
    {
        var database = await databases.SharedAsync(TestProvider.Sqlite);

        var noUser = await CliRunner.RunWithInputAsync(Password + "\n", "create-admin", "--password-stdin", "--connection", database.ConnectionString);
        var noPassword = await CliRunner.RunWithInputAsync("", "create-admin", "--user", "x-admin", "--password-stdin", "--connection", database.ConnectionString);
        var notATerminal = await CliRunner.RunWithInputAsync(Password + "\n", "create-admin", "--user", "x-admin", "--connection", database.ConnectionString);

        Assert.Equal((2, 2, 2), (noUser.ExitCode, noPassword.ExitCode, notATerminal.ExitCode));
        Assert.Contains("请用 --user 指定登录用户名", noUser.Error, StringComparison.Ordinal);
        Assert.Contains("标准输入中没有密码", noPassword.Error, StringComparison.Ordinal);
        Assert.Contains("请用 --password-stdin 从标准输入提供密码", notATerminal.Error, StringComparison.Ordinal);
    }
}
