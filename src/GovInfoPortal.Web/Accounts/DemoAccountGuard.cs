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
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Outside demo mode: logs which accounts are unsafe and how to fix it, and refuses to start. When the database
    /// cannot be reached yet, the portal starts (answering 503 until it can) and the check runs as soon as the
    /// database answers; unsafe accounts then stop the portal with exit code 1.
    /// </summary>
    public static async Task RefuseDemoAccountsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (app.Services.IsDemoMode())
        {
            return;
        }

        IReadOnlyList<string>? found;
        try
        {
            found = await FindAsync(app.Services, cancellationToken);
        }
        catch (Exception exception) when (Security.ErrorHandling.IsDatabaseUnavailable(exception))
        {
            found = null;
        }

        if (found is null)
        {
            app.Logger.LogWarning("The database cannot be reached or is not migrated yet; the check for demo accounts runs once it can");
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = Task.Run(() => CheckWhenReachableAsync(app, lifetime), CancellationToken.None);
            return;
        }

        if (found.Count > 0)
        {
            throw new StartupRefusedException(LogRefusal(app.Logger, found));
        }
    }

    private static async Task CheckWhenReachableAsync(WebApplication app, IHostApplicationLifetime lifetime)
    {
        var stopping = lifetime.ApplicationStopping;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, app.Services.GetRequiredService<TimeProvider>(), stopping);
                var found = await FindAsync(app.Services, stopping);
                if (found is null)
                {
                    // Not migrated yet (another instance migrates): try again.
                    continue;
                }

                if (found.Count > 0)
                {
                    LogRefusal(app.Logger, found);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                }

                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (Security.ErrorHandling.IsDatabaseUnavailable(exception))
            {
                // Still unreachable: try again.
            }
        }
    }

    /// <summary>The unsafe accounts, or null while the database has no schema yet (another instance migrates it).</summary>
    private static async Task<IReadOnlyList<string>?> FindAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovInfoDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
        {
            return null;
        }

        return await scope.ServiceProvider.GetRequiredService<DemoAccountGuard>().FindAsync(cancellationToken);
    }

    private static string LogRefusal(ILogger logger, IReadOnlyList<string> found)
    {
        var message = $"Refusing to start outside demo mode: the account(s) {string.Join(", ", found)} are demo accounts or still have the demo password. " +
            "Delete or disable them and give every remaining account its own password (an admin can reset passwords on /admin/users), " +
            "create the first admin with `govinfo create-admin`, or set Demo__Enabled=true for a demonstration.";
        logger.LogCritical("{Message}", message);
        return message;
    }
}
