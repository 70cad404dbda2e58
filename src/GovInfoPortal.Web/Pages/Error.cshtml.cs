using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages;

/// <summary>The zh-CN error page for exceptions and status codes; never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Explanation { get; private set; } = "服务器处理请求时出错，请稍后再试。";

    public void OnGet([FromQuery] int? code)
    {
        // An exception re-executes here without a code, with the status already chosen (500, or 503 when the database is down).
        var status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        (Title, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => ("页面不存在", "您访问的页面不存在或已被移除。"),
            StatusCodes.Status403Forbidden when Security.HttpsRequirement.WasRefused(HttpContext) =>
                (Security.HttpsRequirement.Title, Security.HttpsRequirement.Explanation),
            StatusCodes.Status403Forbidden => ("没有访问权限", "您没有查看此页面的权限。"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", "您的请求过于频繁，请稍后再试。"),
            StatusCodes.Status413PayloadTooLarge => ("提交的内容过大", "提交的内容超过了允许的大小，请减小后重试。"),
            StatusCodes.Status503ServiceUnavailable => ("服务暂时不可用", "系统正在维护或数据库暂时无法访问，请稍后再试。"),
            _ when status >= 500 => ("出错了", "服务器处理请求时出错，请稍后再试。"),
            _ => ("请求无法处理", "请求无法处理，请检查后重试。"),
        };
        Response.StatusCode = status;
    }

    public void OnPost([FromQuery] int? code) => OnGet(code);
}
