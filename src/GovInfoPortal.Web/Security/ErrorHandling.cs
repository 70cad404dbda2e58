using System.Data.Common;
using System.Net.Sockets;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// Errors as a user should see them: the zh-CN error page for pages (no stack trace outside Development), and
/// <c>application/problem+json</c> with a zh-CN title and detail under <c>/api/v1</c>. A database that cannot be
/// reached is 503 (service unavailable, with <c>Retry-After</c>), not 500: the portal answers again on its own
/// once the database is back.
/// </summary>
public static class ErrorHandling
{

    /// <summary>Seconds a client is asked to wait while the database is unreachable.</summary>
    public const int DatabaseRetrySeconds = 30;

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Api.ApiLinks.Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an exception (or one it wraps) says the database cannot be reached, rather than a fault in the portal.</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException || e is DbException { IsTransient: true })
            {
                return true;
            }

            if (IsTransactionEndedByServer(e))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDatabaseUnavailable))
            {
                return true;
            }
        }

        return false;
    }

    // When the server ends a session (a restart or failover: 57P01) while a transaction is open, Npgsql completes the
    // transaction under it and refuses every later command or commit in it with an InvalidOperationException, which
    // carries no error code: its messages are the only sign. A transaction misused after its own commit by the portal
    // would read the same, but none does (every transaction is scoped to one `await using`).
    private static readonly string[] EndedTransactionMessages = ["Transaction is already completed", "This NpgsqlTransaction has completed"];

    private static bool IsTransactionEndedByServer(Exception exception) =>
        exception is InvalidOperationException { Source: "Npgsql" }
        && EndedTransactionMessages.Any(message => exception.Message.StartsWith(message, StringComparison.Ordinal));

    // A body that outgrows its endpoint's limit while Kestrel reads it is the client's 413, not a fault.
    private static int SelectStatus(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge
        : IsDatabaseUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求参数不正确",
        StatusCodes.Status401Unauthorized => "需要登录",
        StatusCodes.Status403Forbidden => "没有访问权限",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status405MethodNotAllowed => "不支持此请求方法",
        StatusCodes.Status413PayloadTooLarge => "请求内容过大",
        StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        StatusCodes.Status503ServiceUnavailable => "服务暂时不可用",
        >= 500 => "服务器出错",
        _ => "请求无法处理",
    };

    public static string Detail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "请求的地址不存在。",
        StatusCodes.Status405MethodNotAllowed => "此地址不支持该请求方法。",
        StatusCodes.Status413PayloadTooLarge => "请求内容超过了允许的大小。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试。",
        StatusCodes.Status503ServiceUnavailable => "数据库暂时无法访问，请稍后再试。",
        >= 500 => "服务器处理请求时出错，请稍后再试。",
        _ => "请求无法处理，请检查后重试。",
    };

    /// <summary>Writes a problem+json answer with the status's zh-CN title.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = Title(status), Detail = detail ?? Detail(status) },
        });
    }

    public static IServiceCollection AddPortalErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails();
        return services;
    }

    /// <summary>The exception handler and the status code pages, for pages and for the API.</summary>
    public static IApplicationBuilder UsePortalErrorPages(this IApplicationBuilder app, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                StatusCodeSelector = SelectStatus,
            });
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(static state =>
                {
                    var response = (HttpResponse)state;
                    if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
                    {
                        response.Headers.RetryAfter = DatabaseRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    return Task.CompletedTask;
                }, context.Response);
                await next(context);
            });
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseWhen(context => IsApi(context.Request), api =>
        {
            if (!environment.IsDevelopment())
            {
                // An exception under /api/v1 answers problem+json (500, or 503 when the database is down).
                api.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    StatusCodeSelector = SelectStatus,
                    ExceptionHandler = context => WriteProblemAsync(context, context.Response.StatusCode),
                });
            }

            api.UseStatusCodePages(status => WriteProblemAsync(status.HttpContext, status.HttpContext.Response.StatusCode));
        });
        return app;
    }
}
