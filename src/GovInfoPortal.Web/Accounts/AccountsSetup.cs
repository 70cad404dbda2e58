using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Admin;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Accounts;

/// <summary>Policy names for the Razor Pages conventions.</summary>
public static class PortalPolicies
{
    public const string Admin = "Admin";
    public const string Clerk = "Clerk";
}

/// <summary>
/// Accounts and roles (ASP.NET Core Identity on the portal's database), the sign-in cookie, who may open
/// which folder of pages, and the admin services.
/// </summary>
public static class AccountsSetup
{
    /// <summary>The environment the browser tests may run in over plain http (see <see cref="CookieSecurity"/>).</summary>
    public const string TestingEnvironment = "Testing";

    public const string CookieName = "govinfo.auth";
    public const string AntiforgeryCookieName = "govinfo.af";
    public const string TempDataCookieName = "govinfo.status";

    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string DeniedPath = "/account/denied";

    public static readonly TimeSpan LockoutDuration = PortalIdentity.LockoutDuration;
    public const int MaxFailedAttempts = PortalIdentity.MaxFailedAttempts;
    public const int PasswordMinLength = PortalIdentity.PasswordMinLength;

    /// <summary>
    /// Cookies are sent over HTTPS only, except in Development (<c>dotnet run</c> on http://localhost) and in
    /// the Testing environment, where they follow the request's scheme.
    /// </summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment)
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;

    public static WebApplicationBuilder AddPortalAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var secure = CookieSecurity(builder.Environment);

        services.AddIdentity<PortalUser, IdentityRole>(PortalIdentity.Configure)
            .AddEntityFrameworkStores<GovInfoDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = DeniedPath;
            // The editor's fetch calls get a status code, not a redirect to an HTML page.
            options.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
        });
        // A disabled account, a changed role or organization, a reset password, signing out: the stamp changes and
        // SessionCheck ends open sessions at once; the claims themselves are rebuilt once a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        // The one-time status messages ("已保存") travel in a cookie: as guarded as the others.
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = TempDataCookieName;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SecurePolicy = secure;
            options.HeaderName = "RequestVerificationToken";
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Admin, policy => policy.RequireRole(PortalRoles.Admin))
            .AddPolicy(PortalPolicies.Clerk, policy => policy.RequireRole(PortalRoles.Clerk));
        // After AddRazorPages' own setup, which creates the convention collection afresh.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Admin);
            // Every clerk page needs a signed-in user; which report a user may open, ReportAccess decides.
            options.Conventions.AuthorizeFolder("/Clerk");
            options.Conventions.AuthorizePage("/Clerk/Reports/Index", PortalPolicies.Clerk);
            options.Conventions.AuthorizePage("/Clerk/Reports/Start", PortalPolicies.Clerk);
            options.Conventions.AuthorizePage("/Account/Password");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/Denied");
        });
        services.PostConfigure<MvcOptions>(options => ChineseBindingMessages(options.ModelBindingMessageProvider));

        services.AddScoped<ReportAccess>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<OrganizationAdministration>();
        services.AddScoped<AccountsStartup>();
        services.AddScoped<DemoAccountGuard>();
        return builder;
    }

    /// <summary>Signs users in and checks their roles; call after routing, before the pages.</summary>
    public static WebApplication UsePortalAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseSessionOutage();
        app.UseAuthorization();
        return app;
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsFetch(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>A script's request for JSON (the editor's calls), as opposed to a page the browser navigates to.</summary>
    public static bool IsFetch(HttpRequest request) =>
        request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Model binding's own messages (a number field holding letters, a missing value) in zh-CN.</summary>
    private static void ChineseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
        messages.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        messages.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        messages.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
    }
}
