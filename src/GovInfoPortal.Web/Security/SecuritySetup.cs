using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// HTTP hardening in one place: forwarded headers from configured proxies only, security headers, HSTS over
/// HTTPS, request size limits, error pages and problem details, rate limits.
/// </summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        var limits = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        });
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes);

        var proxies = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed; the framework's default (loopback) is not kept.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSingleton(proxies);

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
            // Loopback is not exempt: a portal started with production settings behaves as deployed
            // (the benchmarks and security scans run it that way).
            options.ExcludedHosts.Clear();
        });
        services.AddPortalErrorHandling();
        services.AddPortalRateLimits();
        return builder;
    }

    /// <summary>The hardening middleware, first in the pipeline.</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Any)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS answers only.
            app.UseHsts();
        }

        app.UsePortalErrorPages(app.Environment);
        app.UseHttpsRequirement(app.Environment);
        var maxBody = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            // Kestrel enforces the limit on the body as it arrives; a declared length above it is refused at once.
            if (context.Request.ContentLength > maxBody)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });

        app.UseRateLimiter();
        return app;
    }
}
