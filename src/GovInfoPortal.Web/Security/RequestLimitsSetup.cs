using GovInfoPortal.Web.Archive;
using Microsoft.AspNetCore.Http.Metadata;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// The limits at the edge that belong to single endpoints: the <c>reportyear</c> route constraint, and each
/// endpoint's request size limit (<see cref="RequestLimits"/>) refused with 413 as soon as a declared length
/// exceeds it. Kestrel enforces the same limit on a body without a declared length as it arrives.
/// </summary>
public static class RequestLimitsSetup
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<ReportYearRouteConstraint>(ReportYearRouteConstraint.Name));

    /// <summary>After routing: a body declared larger than its endpoint accepts is refused before anything reads it.</summary>
    public static IApplicationBuilder UseEndpointRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { MaxRequestBodySize: { } limit } &&
            context.Request.ContentLength > limit)
        {
            var detail = $"请求内容为 {ArchivePdf.SizeText(context.Request.ContentLength.Value)}，超过了此处允许的 {ArchivePdf.SizeText(limit)}。";
            if (ErrorHandling.IsApi(context.Request))
            {
                await ErrorHandling.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, detail);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }

            return;
        }

        await next(context);
    });

}
