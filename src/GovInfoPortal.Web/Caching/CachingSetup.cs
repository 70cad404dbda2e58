namespace GovInfoPortal.Web.Caching;

/// <summary>
/// What makes the public content fast on any number of instances: output caching keyed by the content
/// generation (<see cref="PublicOutputCachePolicy"/>), compression (<see cref="CompressionSetup"/>), and static
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
        services.AddSingleton<ContentGenerationReader>();
        services.AddScoped<ContentVersion>();
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(new PublicOutputCachePolicy());
            // Least recently used copies go first beyond this: the cache stays a bounded share of the process's memory.
            options.SizeLimit = OutputCacheBytes;
        });
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
    /// Revalidations answered with 304, then the output cache with the compression inside it (a copy is compressed once, when it is made); after
    /// authentication, which tells the anonymous readers apart.
    /// </summary>
    public static IApplicationBuilder UsePublicCaching(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (!await PublicOutputCachePolicy.TryNotModifiedAsync(context))
            {
                await next(context);
            }
        });
        app.UseOutputCache();
        app.UseWhen(context => !PublicResponses.IsStaticFile(context.Request.Path), branch => branch.UseResponseCompression());
        return app;
    }
}
