using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Accounts;

/// <summary>The portal refused to start; the reason has been logged.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Outside demo mode, the demo accounts and their published password must not open the portal: an account with a
/// demo name, or any account whose password is still the demo password (found by verifying each stored hash
/// against it, as a sign-in would), stops the start-up.
/// </summary>
public sealed class DemoAccountGuard(GovInfoDbContext db, IPasswordHasher<PortalUser> hasher)
{
    /// <summary>The user names of the accounts that may not exist outside demo mode, demo names first.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(CancellationToken cancellationToken = default)
    {
        var demoNames = DemoAccounts.All.Select(a => a.UserName.ToUpperInvariant()).ToList();
        var named = await db.Users.AsNoTracking().Where(u => demoNames.Contains(u.NormalizedUserName!))
            .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PasswordHash != null)
            .OrderBy(u => u.UserName).Select(u => new { UserName = u.UserName!, PasswordHash = u.PasswordHash! }).ToListAsync(cancellationToken);
        // Each verification is a deliberately slow key derivation: spread them over the cores.
        var withDemoPassword = accounts.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Where(a => hasher.VerifyHashedPassword(new PortalUser(), a.PasswordHash, DemoAccounts.Password) != PasswordVerificationResult.Failed)
            .Select(a => a.UserName)
            .ToList();
        return [.. named.Concat(withDemoPassword).Distinct(StringComparer.Ordinal)];
    }
}

public static class DemoAccountGuardStartup
{
    /// <summary>Outside demo mode: logs which accounts are unsafe and how to fix it, and refuses to start.</summary>
    public static async Task RefuseDemoAccountsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (app.Services.IsDemoMode())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<DemoAccountGuard>().FindAsync(cancellationToken);
        if (found.Count == 0)
        {
            return;
        }

        var message = $"Refusing to start outside demo mode: the account(s) {string.Join(", ", found)} are demo accounts or still have the demo password. " +
            "Delete or disable them and give every remaining account its own password (an admin can reset passwords on /admin/users), " +
            "create the first admin with `govinfo create-admin`, or set Demo__Enabled=true for a demonstration.";
        app.Logger.LogCritical("{Message}", message);
        throw new StartupRefusedException(message);
    }
}
