using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data.Accounts;

/// <summary>
/// The account rules the portal and the command line share: the password policy, the lockout and the zh-CN
/// error messages, on the Identity stores of <see cref="GovInfoDbContext"/>.
/// </summary>
public static class PortalIdentity
{
    public const int PasswordMinLength = 8;
    public const int PasswordUniqueChars = 4;

    /// <summary>
    /// The password policy as every form and the command line state it, written once from the settings
    /// <see cref="Configure"/> applies (the README's policy table says the same).
    /// </summary>
    public static readonly string PasswordRules =
        $"至少 {PasswordMinLength} 个字符，含至少一个数字和一个小写英文字母，至少 {PasswordUniqueChars} 个不同的字符（可以使用大写字母和符号，但不强制）。";
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The password policy and lockout (README, “账户与密码”).</summary>
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = PasswordMinLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = PasswordUniqueChars;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The user and role managers without the sign-in machinery, for the command line.</summary>
    public static IServiceCollection AddPortalIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<PortalUser>(Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovInfoDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        return services;
    }

    /// <summary>
    /// Creates an admin account (no organization) with the policy's checks, in one transaction: a refused
    /// password or a user name already taken leaves nothing behind. The errors are zh-CN.
    /// </summary>
    public static async Task<IdentityResult> CreateAdminAsync(GovInfoDbContext db, UserManager<PortalUser> users, RoleManager<IdentityRole> roles,
        string userName, string displayName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await roles.RoleExistsAsync(PortalRoles.Admin) && await roles.CreateAsync(new IdentityRole(PortalRoles.Admin)) is { Succeeded: false } role)
        {
            return role;
        }

        var user = new PortalUser { UserName = userName.Trim(), DisplayName = displayName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var added = await users.AddToRoleAsync(user, PortalRoles.Admin);
        if (added.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return added;
    }
}
