using Microsoft.AspNetCore.ResponseCompression;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Brotli and gzip for text answers (HTML, CSS, JS, JSON, CSV, XML, SVG). Only the public content read
/// anonymously is compressed (<see cref="PublicResponses.IsAnonymousRead"/>): those answers hold no secret, so
/// compression cannot leak one (BREACH needs a secret, such as an antiforgery token or personal data, in the same
/// compressed body as text an attacker chooses). Signed-in pages, sign-in forms and anything posted go out
/// uncompressed.
/// </summary>
public static class CompressionSetup
{
    public const string Identity = "identity";

    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes =
            [
                .. ResponseCompressionDefaults.MimeTypes,
                "text/csv", "image/svg+xml", "application/atom+xml", "application/problem+json", "application/xml",
            ];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddSingleton<ResponseCompressionProvider>();
        services.AddSingleton<IResponseCompressionProvider, PublicOnlyCompression>();
        return services;
    }

    /// <summary>The encoding the compression would choose for this request (<see cref="Identity"/> for none).</summary>
    public static string PreferredEncoding(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? Identity;

    /// <summary>The framework's choice of encoding, restricted to anonymous reads of public content.</summary>
    private sealed class PublicOnlyCompression(ResponseCompressionProvider inner) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            PublicResponses.IsAnonymousRead(context) && inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
    }
}
