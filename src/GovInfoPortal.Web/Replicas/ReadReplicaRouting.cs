using System.Data.Common;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Replicas;

/// <summary>
/// Chooses the server each time a context opens its connection: an anonymous read of public content (a GET or HEAD
/// of a public page, download or API read, without the sign-in cookie or an <c>Authorization</c> header) goes to
/// the route of <see cref="ReadReplicas"/>; everything else — writes, signed-in work (a clerk or reviewer reads their
/// own writes), background work and the change log — keeps the primary's string the context was made with. A context
/// that holds unsaved changes opens on the primary too. Choosing costs a few comparisons, no database round trip.
/// </summary>
public sealed class ReadReplicaRouting(ReadReplicas replicas, IHttpContextAccessor accessor) : DbConnectionInterceptor
{
    /// <summary>Set on a request that is answered from the primary only (its read on a standby failed).</summary>
    private static readonly object PrimaryOnly = new();

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Route(connection, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Route(connection, eventData);
        return ValueTask.FromResult(result);
    }

    private void Route(DbConnection connection, ConnectionEventData eventData)
    {
        if (accessor.HttpContext is not { } http)
        {
            return;
        }

        var target = IsPublicRead(http) && eventData.Context?.ChangeTracker.HasChanges() != true
            ? replicas.PublicReadConnectionString()
            : replicas.PrimaryConnectionString;
        if (!string.Equals(connection.ConnectionString, target, StringComparison.Ordinal))
        {
            connection.ConnectionString = target;
        }
    }

    /// <summary>Whether the request is an anonymous read of public content that a standby may answer.</summary>
    public static bool IsPublicRead(HttpContext http) =>
        !http.Items.ContainsKey(PrimaryOnly)
        && PublicResponses.IsAnonymousRead(http)
        && !http.Request.Cookies.ContainsKey(AccountsSetup.CookieName)
        && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>
    /// An anonymous public read that failed because a server could not be reached is answered again from the primary,
    /// once, before anything was sent: a standby that went away costs that request a second try, not an error page.
    /// The second answer is not cached. Inside the output cache, so that a hit costs nothing here.
    /// </summary>
    public static IApplicationBuilder UseReadReplicaFallback(IApplicationBuilder app)
    {
        var replicas = app.ApplicationServices.GetRequiredService<ReadReplicas>();
        if (!replicas.Enabled)
        {
            return app;
        }

        return app.Use(async (http, next) =>
        {
            if (!IsPublicRead(http))
            {
                await next(http);
                return;
            }

            try
            {
                await next(http);
            }
            catch (Exception exception) when (ErrorHandling.IsDatabaseUnavailable(exception) && !http.Response.HasStarted
                && !http.RequestAborted.IsCancellationRequested)
            {
                replicas.ReadFailed();
                http.Items[PrimaryOnly] = true;
                if (http.Features.Get<IOutputCacheFeature>() is { } cache)
                {
                    cache.Context.AllowCacheStorage = false;
                }

                http.Response.Clear();
                await next(http);
            }
        });
    }
}
