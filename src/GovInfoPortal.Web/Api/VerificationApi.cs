using GovInfoPortal.Data;
using GovInfoPortal.Data.Fingerprints;
using GovInfoPortal.Documents.Verification;
using GovInfoPortal.Web.Public;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace GovInfoPortal.Web.Api;

/// <summary>What <c>POST /api/v1/verify</c> answers: whether the file is a published version, and which.</summary>
/// <param name="Outcome"><c>verified</c>, <c>changed</c> (names a published version but differs from it) or <c>notPublished</c>.</param>
/// <param name="Organization">The body of the version found or claimed, or null.</param>
/// <param name="Version">The version's number: 1 as first published, higher after corrections.</param>
/// <param name="Current">Whether that version is the report's current one.</param>
/// <param name="Fingerprint">The fingerprint of the file's content (JSON) or the one the file states (PDF).</param>
public sealed record ApiVerification(bool Verified, string Outcome, ApiOrganization? Organization, int? Year, int? Version, bool? Current,
    DateOnly? PublishedOn, string? Fingerprint, string? Url, string Message);

/// <summary><c>POST /api/v1/verify</c>: a downloaded JSON or PDF checked against the published versions (<see cref="DownloadVerifier"/>).</summary>
public static class VerificationApi
{
    public static RouteGroupBuilder MapVerification(this RouteGroupBuilder api)
    {
        api.MapPost(ApiLinks.VerifyTemplate, VerifyAsync)
            .WithName("verifyDownload")
            .WithSummary("核验下载的 JSON 或 PDF 文件是否为已发布的版本")
            .WithDescription("请求体为文件本身（JSON 或 PDF，任何 Content-Type 均可，如 application/json、application/pdf）。JSON 文件按规范化形式计算内容指纹后查找已发布的版本（与空白和键的顺序无关）；PDF 文件读取其中标明的内容指纹，重新生成该版本的 PDF 并逐字节比较，文件被改动即不通过。verified 为 true 时给出机关、年度、版本号、是否现行版本。无法识别的文件返回 400。文件不超过 20 MB。")
            .Produces<ApiVerification>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimits.Verification))
            .DisableAntiforgery();
        return api;
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, GovInfoDbContext db, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > RequestLimits.Verification)
            {
                return TypedResults.Problem(title: "文件过大", detail: $"文件超过 {RequestLimits.Verification / 1024 / 1024} MB。",
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var result = await DownloadVerifier.VerifyAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length),
            (fingerprint, token) => PublishedVersions.FindAsync(db, fingerprint, token), cancellationToken);
        if (result.Outcome == VerificationOutcome.Unreadable)
        {
            return TypedResults.Problem(title: "无法识别的文件", detail: result.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var version = result.Version;
        var origin = ReportLinks.Origin(request);
        return TypedResults.Ok(new ApiVerification(result.Verified, result.OutcomeCode,
            version is null ? null : new ApiOrganization(version.OrganizationName, version.OrganizationCode),
            version?.Year, version?.Number, version?.Current, version?.PublishedOn, result.Fingerprint,
            version is null ? null : origin + VersionUrl(version), result.Message));
    }

    /// <summary>The page of a version: the report's page for the current one, its version page for a replaced one.</summary>
    private static string VersionUrl(Core.Interchange.PublishedVersion version)
    {
        var key = ReportLinks.KeyOf(version.OrganizationCode, version.OrganizationId);
        return version.Current ? ReportLinks.Page(key, version.Year) : ReportLinks.Version(key, version.Year, version.Number);
    }
}
