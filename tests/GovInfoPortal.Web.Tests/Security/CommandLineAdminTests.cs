using System.Net;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>The first admin of a production deployment, made with <c>govinfo create-admin</c>, signs in to the portal.</summary>
public sealed class CommandLineAdminTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_admin_created_on_the_command_line_signs_in_and_manages_accounts(TestProvider provider)
    {
        const string password = "first#admin2026";
        var database = await databases.CreateAsync(provider);
        using var stdin = new StringReader(password + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await Cli.Cli.RunAsync(
            ["create-admin", "--user", "city-admin", "--name", "市政府办公室", "--password-stdin",
                "--provider", database.Provider.ToString(), "--connection", database.ConnectionString],
            stdin, stdout, stderr, interactive: false);

        Assert.True(exitCode == 0, stderr.ToString());
        await using var portal = new ClerkPortal(database, demo: false);
        var session = portal.Session();
        var signIn = await session.SignInAsync("city-admin", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var users = await session.GetStringAsync("/admin/users");
        Assert.Contains("city-admin", users, StringComparison.Ordinal);
        Assert.Contains("市政府办公室", users, StringComparison.Ordinal);
    }
}
