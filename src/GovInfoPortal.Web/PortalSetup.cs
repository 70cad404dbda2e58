using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Documents;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Archive;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Exports;
using GovInfoPortal.Web.Public;
using GovInfoPortal.Web.Replicas;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GovInfoPortal.Web;

/// <summary>The portal's services and pipeline, in one place so that the host and the tests share them.</summary>
public static class PortalSetup
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        builder.AddObservability();
        builder.AddPortalSecurity();

        builder.Services.AddGovInfoDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddReadReplicas(builder.Configuration);
        builder.Services.AddPortalDataProtection();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(DeadlinePolicy.Default);
        builder.Services.AddSingleton<ReportValidationService>();
        builder.Services.AddReportRenderers();
        builder.Services.AddPublicFeatures();
        builder.Services.AddPortalCaching();
        builder.AddPortalAccounts();
        builder.Services.AddClerkFeatures(builder.Configuration);
        builder.Services.AddTotalsAndExports(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddReviewFeatures();
        builder.Services.AddArchiveDocuments();
        builder.Services.AddRequestLimits();
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [LiveTag])
            .AddDbContextCheck<GovInfoDbContext>("database", tags: [ReadyTag]);

        // Chinese text is written as characters, not as numeric character references.
        builder.Services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.Services.AddRazorPages();
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.LoadChecklists();
        app.UsePortalSecurity();
        app.UseRequestIds();
        app.UseStaticFileCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseEndpointRequestLimits();
        app.UsePortalAccounts();
        app.UseMetricsCollection();
        app.UsePublicCaching();
        app.UseReadReplicaFallback();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapMetricsEndpoint();
        app.MapRazorPages();
        app.MapPublicFeatures();
        app.MapReviewApi();
        app.MapArchiveDocuments();
        return app;
    }
}
