using GovInfoPortal.Data.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// What makes the public content fast on any number of instances: output caching of copies tagged with what they
/// depend on, evicted by the changes each instance learns from the change log (<see cref="PublicOutputCachePolicy"/>,
/// <see cref="ContentChangeFollower"/>), compression (<see cref="CompressionSetup"/>), and static
/// files that browsers keep a year when their address carries a version (<c>asp-append-version</c>).
/// </summary>
public static class CachingSetup
{
    /// <summary>The query parameter <c>asp-append-version</c> adds: the file's hash.</summary>
    private const string VersionParameter = "v";

    /// <summary>What the output cache may hold in all (the framework's default is 100 MB).</summary>
    public const long OutputCacheBytes = 48L * 1024 * 1024;

    public static IServiceCollection AddPortalCaching(this IServiceCollection services)
    {
        services.AddOptions<ContentCacheOptions>().BindConfiguration(ContentCacheOptions.Section);
        services.AddSingleton<ContentChangeTracker>();
        services.AddSingleton<ContentChangeFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentChangeFollower>());
        services.AddSingleton<IContentChangeObserver>(provider => provider.GetRequiredService<ContentChangeFollower>());
        // Registered before AddOutputCache, which then keeps it: least recently used copies go first beyond
        // OutputCacheBytes, so the cache stays a bounded share of the process's memory.
        services.AddSingleton<PublicOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<PublicOutputCacheStore>());
        services.AddOutputCache(options => options.AddBasePolicy(new PublicOutputCachePolicy()));
        services.AddSingleton<StaleIfError>();
        services.AddPortalCompression();
        services.Configure<StaticFileOptions>(options => options.OnPrepareResponse = context =>
            context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey(VersionParameter)
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600");
        return services;
    }

    /// <summary>Compression of the static files; before <c>UseStaticFiles</c>.</summary>
    public static IApplicationBuilder UseStaticFileCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => PublicResponses.IsStaticFile(context.Request.Path), branch => branch.UseResponseCompression());

    /// <summary>
    /// The output cache (which also answers revalidations of a current copy with 304) with the compression inside
    /// it (a copy is compressed once, when it is made), and inside the compression the stale copies kept for an outage
    /// of the database (<see cref="StaleIfError"/>); after authentication, which tells the anonymous readers apart.
    /// </summary>
    public static IApplicationBuilder UsePublicCaching(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseWhen(context => !PublicResponses.IsStaticFile(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseMiddleware<StaleIfError>();
        return app;
    }
}
