using System.Text.Json;
using System.Text.Json.Serialization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace GovInfoPortal.Web.Review;

/// <summary>The state of a report's review as the API reports it.</summary>
public sealed record ReviewStateDto(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("organization")] string Organization,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("publishedOn")] DateOnly? PublishedOn,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("correction")] CorrectionStateDto? Correction,
    [property: JsonPropertyName("version")] int Version);

public sealed record CorrectionStateDto(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("status")] string Status);

public sealed record ReturnBody(
    [property: JsonPropertyName("part")] string? Part,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("version")] int? Version);

public sealed record VersionBody([property: JsonPropertyName("version")] int? Version);

public sealed record PublishBody(
    [property: JsonPropertyName("publishedOn")] DateOnly? PublishedOn,
    [property: JsonPropertyName("secrecyReviewConfirmed")] bool SecrecyReviewConfirmed,
    [property: JsonPropertyName("version")] int? Version);

public sealed record CorrectionBody(
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("version")] int? Version);

public sealed record WarningDecisionBody(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("decision")] string? Decision,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("version")] int? Version);

public sealed record CommentBody(
    [property: JsonPropertyName("part")] string? Part,
    [property: JsonPropertyName("text")] string? Text);

/// <summary>
/// The review steps as JSON endpoints under <c>/api/v1/review</c>, for scripts of the signed-in reviewer: the
/// same checks as the review page (role, subtree, state, version), antiforgery for the cookie that signs them
/// in, and errors as <c>application/problem+json</c> with a zh-CN <c>detail</c>. Status codes, lower-case
/// codes as in the interchange format: 401 not signed in, 403 not allowed, 404 no such report, 409 refused in
/// the report's state (<c>code</c> <c>refused</c>) or changed meanwhile (<c>stale</c>), 400 bad request.
/// </summary>
public static class ReviewApi
{


    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Api.ApiLinks.ReviewPrefix).ExcludeFromDescription().WithMetadata(new RequestSizeLimitAttribute(RequestLimits.TextForm));
        group.MapGet("/reports/{id:int}", async (int id, HttpContext context, ReviewWorkflow workflow, ReportReviews reviews, CancellationToken cancellationToken) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "请先登录。");
            }

            var report = await workflow.LoadAsync(id, cancellationToken);
            if (report is null)
            {
                return Problem(StatusCodes.Status404NotFound, "notFound", "找不到该报告。");
            }

            return await reviews.MayReadAsync(context.User, report, cancellationToken)
                ? Results.Json(StateOf(report))
                : Problem(StatusCodes.Status403Forbidden, "forbidden", $"“{report.Organization.Name}”不在您的审核范围内。");
        });

        group.MapPost("/reports/{id:int}/return", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<ReturnBody>(context, id, workflow, body => workflow.ReturnAsync(id, context.User,
                new ReturnRequest(body.Part, body.Comment, body.Version), context.RequestAborted)));
        group.MapPost("/reports/{id:int}/approve", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<VersionBody>(context, id, workflow, body => workflow.ApproveAsync(id, context.User, body.Version, context.RequestAborted)));
        group.MapPost("/reports/{id:int}/publish", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<PublishBody>(context, id, workflow, body => workflow.PublishAsync(id, context.User,
                new PublishRequest(body.PublishedOn, body.SecrecyReviewConfirmed, body.Version), context.RequestAborted)));
        group.MapPost("/reports/{id:int}/corrections", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<CorrectionBody>(context, id, workflow, body => workflow.OpenCorrectionAsync(id, context.User,
                new CorrectionRequest(body.Reason, body.Version), context.RequestAborted)));
        group.MapPost("/reports/{id:int}/comments", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<CommentBody>(context, id, workflow, body => workflow.CommentAsync(id, context.User,
                new CommentRequest(body.Part, body.Text), context.RequestAborted)));
        group.MapPost("/reports/{id:int}/warnings", (int id, HttpContext context, ReviewWorkflow workflow) =>
            StepAsync<WarningDecisionBody>(context, id, workflow, body => workflow.DecideWarningAsync(id, context.User,
                new WarningDecisionRequest(body.Key, body.Decision, body.Reason, body.Version), context.RequestAborted)));
        return app;
    }

    public static ReviewStateDto StateOf(AnnualReport report) => new(
        report.Id, report.Organization.Name, report.Year, StatusCode(report.Status), report.PublishedOn, report.RevisionNumber,
        report.CurrentCorrection is { } correction ? new CorrectionStateDto(correction.Number, correction.Reason, StatusCode(correction.Status)) : null,
        report.UnderReview.Version);

    private static string StatusCode(ReportStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<IResult> StepAsync<TBody>(HttpContext context, int id, ReviewWorkflow workflow, Func<TBody, Task<ReviewOutcome>> step)
        where TBody : class
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "请先以审核员身份登录。");
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "antiforgery", "请求缺少有效的防伪令牌（RequestVerificationToken 请求头），请刷新页面后重试。");
        }

        TBody? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<TBody>(context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalidBody", "请求内容应为 JSON 对象（Content-Type: application/json），字段见接口说明。");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalidBody", "请求内容不能为空。");
        }

        var outcome = await step(body);
        return outcome.Kind switch
        {
            ReviewOutcomeKind.Done => Results.Json(new { message = outcome.Message, report = StateOf((await workflow.LoadAsync(id, context.RequestAborted))!) }),
            ReviewOutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "notFound", outcome.Message),
            ReviewOutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "forbidden", outcome.Message),
            ReviewOutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "stale", outcome.Message),
            _ => Problem(StatusCodes.Status409Conflict, "refused", outcome.Message),
        };
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: Title(status), extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "未登录",
        StatusCodes.Status403Forbidden => "无权操作",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status409Conflict => "操作未执行",
        _ => "请求无效",
    };
}
