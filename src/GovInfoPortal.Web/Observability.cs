using System.Text.RegularExpressions;
using Prometheus;
using Serilog;
using Serilog.Context;

namespace GovInfoPortal.Web;

/// <summary>
/// Request ids, request logging and metrics. Every request gets an id (the caller's <c>X-Request-Id</c> when
/// it is a plain token, else the server's trace identifier) that is echoed in the response and carried by
/// every log event of the request; <c>/metrics</c> serves Prometheus text for the usual scrapers.
/// </summary>
public static partial class Observability
{
    public const string RequestIdHeader = "X-Request-Id";
    public const string MetricsPath = "/metrics";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PlainToken();

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // Requests in flight may finish when the host is asked to stop (SIGTERM); then it stops.
        builder.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = builder.Configuration.GetValue("Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));

        // ASP.NET Core's own meters (requests, connections, EF Core …) are published at /metrics too.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = _ => true);
        return builder;
    }

    public static WebApplication UseRequestIds(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[RequestIdHeader].ToString();
            var requestId = PlainToken().IsMatch(incoming) ? incoming : context.TraceIdentifier;
            context.TraceIdentifier = requestId;
            context.Response.Headers[RequestIdHeader] = requestId;
            using (LogContext.PushProperty("RequestId", requestId))
            {
                await next(context);
            }
        });

        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RequestId", context.TraceIdentifier);
                diagnostics.Set("UserName", context.User.Identity?.Name);
                if (WasAbandoned(context))
                {
                    diagnostics.Set("Abandoned", true);
                }
            };
        });
        app.Use(EndAbandonedRequests);
        return app;
    }

    /// <summary>The status logged for a request whose client went away before the answer (nginx's 499).</summary>
    public const int ClientClosedRequest = StatusCodes.Status499ClientClosedRequest;

    private const string AbandonedKey = "govinfo.abandoned";

    /// <summary>Whether the client went away before the answer was complete (the request log's level stays Information).</summary>
    public static bool WasAbandoned(HttpContext context) => context.Items.ContainsKey(AbandonedKey);

    /// <summary>
    /// A request whose client disconnected ends with the cancellation it caused: logged as abandoned (499, the
    /// <c>Abandoned</c> property) instead of escaping as an exception that the request log would count as a 500.
    /// </summary>
    public static async Task EndAbandonedRequests(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            context.Items[AbandonedKey] = true;
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }

    public static WebApplication UseMetricsCollection(this WebApplication app)
    {
        app.UseHttpMetrics();
        return app;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapMetrics(MetricsPath);
        return app;
    }
}
