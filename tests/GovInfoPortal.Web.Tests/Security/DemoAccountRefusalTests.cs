using System.Net;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Tests.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>Outside demo mode the portal refuses to start while a demo account or the demo password can sign in.</summary>
public sealed class DemoAccountRefusalTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_clean_production_database_starts_and_a_demo_account_name_stops_the_next_start(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using (var clean = new ClerkPortal(database, demo: false))
        {
            Assert.Equal(HttpStatusCode.OK, (await clean.Session().GetAsync("/health/ready")).StatusCode);
            await clean.CreateUserAsync(PortalRoles.Admin, null, userName: "demo-admin");
        }

        await using var next = new ClerkPortal(database, demo: false);
        Assert.NotNull(Record.Exception(() => next.CreateClient()));
        Assert.Equal(["demo-admin"], await UnsafeAccountsAsync(database));

        // Started as in production, the portal says why and exits with a failure.
        await using var process = PortalProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Demo__Enabled"] = "false",
        });
        Assert.Equal(1, await process.WaitForExitAsync());
        Assert.Contains("Refusing to start outside demo mode: the account(s) demo-admin", process.Output, StringComparison.Ordinal);
        Assert.Contains("govinfo create-admin", process.Output, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Any_account_with_the_demo_password_stops_the_start_and_demo_mode_still_starts(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        string careless;
        await using (var portal = new ClerkPortal(database, demo: false))
        {
            await portal.CreateUserAsync(PortalRoles.Admin, null, userName: "safe-admin");
            careless = await portal.CreateUserAsync(PortalRoles.Admin, null);
            await using var db = database.CreateContext();
            var user = await db.Users.SingleAsync(u => u.UserName == careless);
            user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, DemoAccounts.Password);
            await db.SaveChangesAsync();
        }

        await using (var production = new ClerkPortal(database, demo: false))
        {
            Assert.NotNull(Record.Exception(() => production.CreateClient()));
        }

        Assert.Equal([careless], await UnsafeAccountsAsync(database));
        await using var demo = new ClerkPortal(database, demo: true);
        Assert.Equal(HttpStatusCode.OK, (await demo.Session().GetAsync("/health/ready")).StatusCode);
    }

    private static async Task<IReadOnlyList<string>> UnsafeAccountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await new DemoAccountGuard(db, new PasswordHasher<PortalUser>()).FindAsync();
    }
}
