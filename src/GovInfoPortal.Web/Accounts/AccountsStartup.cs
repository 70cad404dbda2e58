using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Accounts;

/// <summary>The demo accounts (demo mode on SQLite only): one per role, all with <see cref="Password"/>.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";

    /// <param name="OrganizationCode">The demo organization (see DemoDataSeeder) the account belongs to.</param>
    public sealed record Account(string UserName, string DisplayName, string Role, string? OrganizationCode);

    public static readonly IReadOnlyList<Account> All =
    [
        new("demo-admin", "演示管理员", PortalRoles.Admin, null),
        new("demo-reviewer", "演示审核员（晋江市）", PortalRoles.Reviewer, "350582"),
        new("demo-clerk", "演示填报员（西园街道）", PortalRoles.Clerk, "350582003"),
    ];
}

/// <summary>The accounts a start-up creates: the demo accounts with the demo data, and a configured first admin.</summary>
public sealed class AccountsStartup(GovInfoDbContext db, UserAdministration users, ILogger<AccountsStartup> logger)
{
    public const string InitialAdminSection = "Accounts:InitialAdmin";

    /// <summary>Creates the demo accounts in a database the demo data was just loaded into.</summary>
    public async Task CreateDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var account in DemoAccounts.All)
        {
            int? organizationId = null;
            if (account.OrganizationCode is { } code)
            {
                organizationId = await db.Organizations.Where(o => o.Code == code).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"The demo organization {code} is missing.");
            }

            var result = await users.CreateAsync(new NewUser(account.UserName, account.DisplayName, account.Role, organizationId, DemoAccounts.Password), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName} not created: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        }
    }

    /// <summary>Whether the demo accounts exist (demo mode, on a later start).</summary>
    public Task<bool> HasDemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        var name = DemoAccounts.All[0].UserName.ToUpperInvariant();
        return db.Users.AnyAsync(u => u.NormalizedUserName == name, cancellationToken);
    }

    /// <summary>
    /// Creates the first admin from <c>Accounts:InitialAdmin:UserName</c> and <c>:Password</c> when no account
    /// of that name exists: how a deployment without demo data gets its first account.
    /// </summary>
    public async Task CreateInitialAdminAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var section = configuration.GetSection(InitialAdminSection);
        if (section["UserName"] is not { Length: > 0 } userName || section["Password"] is not { Length: > 0 } password)
        {
            return;
        }

        var normalized = userName.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return;
        }

        var result = await users.CreateAsync(new NewUser(userName, section["DisplayName"] is { Length: > 0 } name ? name : "管理员",
            PortalRoles.Admin, null, password), cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The initial admin {userName} was not created: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }

        logger.LogInformation("Created the initial admin account {UserName}", userName);
    }
}

/// <summary>The account steps of the portal's start-up (see <see cref="DatabaseStartup"/>).</summary>
public static class AccountsStartupSteps
{
    /// <summary>Creates the configured first admin, if one is configured and missing.</summary>
    public static async Task CreateInitialAdminAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (!app.Configuration.GetSection(AccountsStartup.InitialAdminSection).Exists())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsStartup>().CreateInitialAdminAsync(app.Configuration, cancellationToken);
    }

    /// <summary>
    /// In demo mode on SQLite: creates the demo accounts together with freshly loaded demo data, and says on
    /// every start which they are. No other configuration ever gets an account with a published password.
    /// </summary>
    public static async Task PrepareDemoAccountsAsync(this WebApplication app, bool demoDataLoaded, CancellationToken cancellationToken = default)
    {
        if (app.Services.GetRequiredService<DatabaseSettings>().Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var startup = scope.ServiceProvider.GetRequiredService<AccountsStartup>();
        if (demoDataLoaded)
        {
            await startup.CreateDemoAccountsAsync(cancellationToken);
        }
        else if (!await startup.HasDemoAccountsAsync(cancellationToken))
        {
            return;
        }

        foreach (var account in DemoAccounts.All)
        {
            app.Logger.LogInformation("Demo account {UserName} ({Role}, {DisplayName}) with password {Password}",
                account.UserName, account.Role, account.DisplayName, DemoAccounts.Password);
        }
    }
}
