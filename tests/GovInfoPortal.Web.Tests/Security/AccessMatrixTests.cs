using System.Net;
using System.Net.Http.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovInfoPortal.Web.Tests.Security.AccessMatrixTests.Outcome;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// Every page handler and endpoint of the portal's own route table, requested by six actors, answers as the
/// declared matrix says. A route the matrix does not declare, or a declared route that no longer exists, fails
/// the test by name. A request the matrix refuses carries a payload that would change data if it got through
/// (current version, complete content, a valid antiforgery token for that actor), and the data must be
/// unchanged afterwards; an actor the matrix lets through posts a stale version or an empty form, so the test
/// sees the access check pass without changing what the next rows read.
/// </summary>
public sealed class AccessMatrixTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>What an answer means for access.</summary>
    public enum Outcome
    {
        /// <summary>200: served.</summary>
        Ok,

        /// <summary>302 to another page of the portal after the action (served).</summary>
        Done,

        /// <summary>400: past the access checks, refused for its (empty) input.</summary>
        Invalid,

        /// <summary>409: past the access checks, refused for its stale version (or the report's state).</summary>
        Stale,

        /// <summary>500: the error page itself, asked for without a status.</summary>
        ErrorPage,

        /// <summary>302 to the sign-in page.</summary>
        Login,

        /// <summary>401 (JSON calls of someone not signed in).</summary>
        Unauthorized,

        /// <summary>302 to /account/denied: signed in, without the role.</summary>
        Denied,

        /// <summary>403.</summary>
        Forbidden,

        /// <summary>404: not found, or not this actor's to know of.</summary>
        NotFound,
    }

    private static bool IsRefusal(Outcome outcome) => outcome is Login or Unauthorized or Denied or Forbidden or NotFound;

    /// <summary>The actors, in the order of the matrix's columns.</summary>
    private static readonly string[] Actors = ["anonymous", "clerk of A", "clerk of B", "reviewer over A", "reviewer elsewhere", "admin"];

    private sealed record Expected(params Outcome[] ByActor);

    private static Expected All(Outcome outcome) => new(Enumerable.Repeat(outcome, Actors.Length).ToArray());

    // Route parameters: {id} of the clerk pages is A's 2025 draft, of the review pages and API A's submitted 2024
    // report; {orgCode}/{year} (and the statistics' org and year) is A's published 2023 report (corrected once, so versions/1 exists); the export is
    // a finished ZIP of the city requested by the reviewer over A; the admin pages edit A and a spare clerk.
    // A and B are streets of one city; "reviewer over A" reviews that city, "reviewer elsewhere" another city.
    private static readonly Dictionary<string, Expected> Matrix = new()
    {
        //                                                         anonymous     clerk of A  clerk of B  reviewer A  reviewer X  admin
        ["GET /"] = All(Ok),
        ["GET /Index"] = All(Ok),
        ["GET /Error"] = All(ErrorPage),
        ["POST /Error"] = All(ErrorPage),
        ["GET /reports"] = All(Ok),
        ["GET /reports/{orgCode}/{year:reportyear}"] = All(Ok),
        ["GET /reports/{orgCode}/{year:reportyear}.{ext}"] = All(Ok),
        ["GET /reports/{orgCode}/{year:reportyear}/versions/{number:int}"] = All(Ok),
        ["GET /reports/{orgCode}/feed.atom"] = All(Ok),
        ["GET /reports/{orgCode}/snippet"] = All(Ok),
        ["GET /reports/{orgCode}/snippet.html"] = All(Ok),
        ["GET /reports/{orgCode}/{year:reportyear}/graphic"] = All(Ok),
        // The scene's {ext} is csv, which the 图解 is not offered in (png, svg, pdf): a zh-CN 404 for everyone.
        ["GET /reports/{orgCode}/{year:reportyear}/graphic.{ext}"] = All(NotFound),
        // Only a published legacy report has an original; the scene's 2023 report is not one.
        ["GET /reports/{orgCode}/{year:reportyear}/original.pdf"] = All(NotFound),
        ["GET /search"] = All(Ok),
        ["GET /stats"] = All(Ok),
        ["GET /stats/rank"] = All(Ok),
        ["GET /compare"] = All(Ok),
        ["GET /api"] = All(Ok),
        ["GET /api/v1/reports"] = All(Ok),
        ["GET /api/v1/reports/{orgCode}/{year:int}"] = All(Ok),
        ["GET /api/v1/stats"] = All(Ok),
        ["GET /api/v1/datasets"] = All(Ok),
        ["GET /datasets"] = All(Ok),
        ["GET /datasets/{year:int}.zip"] = All(Ok),
        ["GET /datasets/{year:int}.csv"] = All(Ok),
        ["POST /api/v1/validate"] = All(Invalid),
        ["POST /api/v1/verify"] = All(Invalid),
        ["GET /openapi/{documentName}.json"] = All(Ok),
        ["GET /feed.atom"] = All(Ok),
        ["GET /sitemap.xml"] = All(Ok),
        ["GET /sitemaps/pages.xml"] = All(Ok),
        ["GET /sitemaps/reports-{number:int}.xml"] = All(Ok),
        ["GET /robots.txt"] = All(Ok),
        ["GET /health/live"] = All(Ok),
        ["GET /health/ready"] = All(Ok),
        ["GET /metrics"] = All(Ok),

        ["GET /account/login"] = All(Ok),
        ["POST /account/login"] = All(Ok),
        ["GET /account/denied"] = All(Forbidden),
        ["GET /account/password"] = new(Login, Ok, Ok, Ok, Ok, Ok),
        ["POST /account/password"] = new(Login, Ok, Ok, Ok, Ok, Ok),
        ["GET /account/logout"] = All(Ok),
        ["POST /account/logout"] = All(Done),

        ["GET /clerk/reports"] = new(Login, Ok, Ok, Denied, Denied, Denied),
        ["GET /clerk/reports/start"] = new(Login, Ok, Ok, Denied, Denied, Denied),
        ["POST /clerk/reports/start"] = new(Login, Ok, Ok, Denied, Denied, Denied),
        ["GET /clerk/reports/{id:int}/edit"] = new(Login, Ok, NotFound, Forbidden, NotFound, Forbidden),
        ["POST /clerk/reports/{id:int}/edit"] = new(Login, Stale, NotFound, Forbidden, NotFound, Forbidden),
        ["POST /clerk/reports/{id:int}/edit/check"] = new(Login, Ok, NotFound, Forbidden, NotFound, Forbidden),
        ["POST /clerk/reports/{id:int}/edit/save"] = new(Login, Stale, NotFound, Forbidden, NotFound, Forbidden),
        ["GET /clerk/reports/{id:int}/preview"] = new(Login, Ok, NotFound, Ok, NotFound, Ok),
        ["POST /clerk/reports/{id:int}/preview/submit"] = new(Login, Stale, NotFound, Forbidden, NotFound, Forbidden),
        ["GET /clerk/reports/{id:int}/import"] = new(Login, Ok, NotFound, Forbidden, NotFound, Forbidden),
        ["POST /clerk/reports/{id:int}/import"] = new(Login, Invalid, NotFound, Forbidden, NotFound, Forbidden),

        ["GET /review"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["GET /review/reports/{id:int}"] = new(Login, Denied, Denied, Ok, Denied, Ok),
        ["POST /review/reports/{id:int}/return"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["POST /review/reports/{id:int}/approve"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["POST /review/reports/{id:int}/publish"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["POST /review/reports/{id:int}/correction"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["POST /review/reports/{id:int}/comment"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["POST /review/reports/{id:int}/decidewarning"] = new(Login, Denied, Denied, Stale, Denied, Forbidden),
        ["GET /review/totals"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["GET /review/totals?handler=Xlsx"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["GET /review/exports"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["GET /review/exports?handler=Status"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["POST /review/exports"] = new(Login, Denied, Denied, Ok, Ok, Ok),
        ["GET /review/exports/{id:int}/download"] = new(Login, Denied, Denied, Ok, Denied, Ok),
        ["GET /notifications"] = new(Login, Ok, Ok, Ok, Ok, Ok),
        ["POST /notifications/read"] = new(Login, Done, Done, Done, Done, Done),

        ["GET /api/v1/review/reports/{id:int}"] = new(Unauthorized, Forbidden, Forbidden, Ok, Forbidden, Ok),
        ["POST /api/v1/review/reports/{id:int}/return"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),
        ["POST /api/v1/review/reports/{id:int}/approve"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),
        ["POST /api/v1/review/reports/{id:int}/publish"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),
        ["POST /api/v1/review/reports/{id:int}/corrections"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),
        ["POST /api/v1/review/reports/{id:int}/comments"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),
        ["POST /api/v1/review/reports/{id:int}/warnings"] = new(Unauthorized, Forbidden, Forbidden, Stale, Forbidden, Forbidden),

        ["GET /admin/organizations"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["POST /admin/organizations"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["GET /admin/organizations/{id:int}"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["POST /admin/organizations/{id:int}"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["GET /admin/users"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["GET /admin/users/new"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["POST /admin/users/new"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["GET /admin/users/{id}"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["POST /admin/users/{id}"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["POST /admin/users/{id}?handler=Disable"] = new(Login, Denied, Denied, Denied, Denied, Ok), // posted without a true/false choice: refused on the page, nothing changed
        ["POST /admin/users/{id}?handler=Reset"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        // The scene's report is not a legacy archive report: the admin is let in and finds no original to upload.
        ["GET /admin/archive"] = new(Login, Denied, Denied, Denied, Denied, Ok),
        ["GET /admin/archive/{id:int}"] = new(Login, Denied, Denied, Denied, Denied, NotFound),
        ["POST /admin/archive/{id:int}"] = new(Login, Denied, Denied, Denied, Denied, NotFound),
    };

    [Theory]
    [SqliteData]
    public async Task Every_route_answers_every_actor_as_the_matrix_declares(TestProvider provider)
    {
        var storage = Path.Combine(Path.GetTempPath(), "govinfo-matrix-tests", Guid.NewGuid().ToString("N"));
        var database = await databases.CreateAsync(provider);
        var scene = await SceneAsync(database, storage);
        try
        {
            await using var portal = scene.Portal;
            var routes = await RoutesAsync(portal.Services);
            var served = routes.Select(r => r.Key).ToHashSet();
            var undeclared = served.Where(k => !Matrix.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            var gone = Matrix.Keys.Where(k => !served.Contains(k)).Order(StringComparer.Ordinal).ToList();
            Assert.True(undeclared.Count == 0 && gone.Count == 0,
                $"Routes the app serves that the access matrix does not declare: {string.Join("; ", undeclared)}\n" +
                $"Routes the access matrix declares that the app no longer serves: {string.Join("; ", gone)}");

            var failures = new List<string>();
            // Signing out ends the actor's session, so those routes go last.
            foreach (var route in routes.OrderBy(r => r.Pattern.StartsWith("/account/logout", StringComparison.Ordinal)).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                var expected = Matrix[route.Key].ByActor;
                for (var actor = 0; actor < Actors.Length; actor++)
                {
                    var refused = IsRefusal(expected[actor]);
                    var checkData = route.Method != "GET" && expected[actor] != Done;
                    var before = checkData ? await FingerprintAsync(database) : null;
                    using var response = await SendAsync(scene, route, scene.Sessions[actor], refused);
                    var actual = Classify(response);
                    var body = await response.Content.ReadAsStringAsync();
                    if (actual != expected[actor])
                    {
                        failures.Add($"{route.Key} as {Actors[actor]}: expected {expected[actor]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                    }

                    if (refused && body.Contains(DraftText, StringComparison.Ordinal))
                    {
                        failures.Add($"{route.Key} as {Actors[actor]}: refused, but the answer shows A's draft");
                    }

                    if (before is not null && before != await FingerprintAsync(database))
                    {
                        failures.Add($"{route.Key} as {Actors[actor]}: {actual}, but the data changed");
                    }
                }
            }

            Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access matrix:\n{string.Join("\n", failures)}");
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private const string DraftText = "甲街道的草稿";

    private static Outcome? Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) => Login,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase) => Denied,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther => Done,
            HttpStatusCode.BadRequest => Invalid,
            HttpStatusCode.Conflict => Stale,
            HttpStatusCode.Unauthorized => Unauthorized,
            HttpStatusCode.Forbidden => Forbidden,
            HttpStatusCode.NotFound => NotFound,
            HttpStatusCode.InternalServerError => ErrorPage,
            _ => null,
        };
    }

    /// <summary>
    /// The route's request with its parameters filled from the scene. A request the matrix refuses carries what
    /// would change data if it got through; one it lets through carries a stale version and nothing else.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(Scene scene, AppRoute route, PortalSession session, bool refused)
    {
        var reportId = route.Pattern.StartsWith("/clerk/", StringComparison.Ordinal) ? scene.DraftId : scene.SubmittedId;
        var path = FillRoute(route, scene.Values, reportId);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method == "GET")
        {
            return await session.Client.SendAsync(request);
        }

        var version = refused ? (await scene.Portal.ReportAsync(reportId)).Version : 0;
        var token = await session.TokenAsync();
        request.Headers.Add("RequestVerificationToken", token);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Headers.Accept.ParseAdd("application/json");
            request.Content = refused
                ? JsonContent.Create(new
                {
                    version, part = "overview", comment = "越权退回", text = "越权意见", reason = "越权更正",
                    secrecyReviewConfirmed = true, publishedOn = "2026-01-09",
                })
                : JsonContent.Create(new { version });
            return await session.Client.SendAsync(request);
        }

        var fields = refused ? TakeoverForm(version, scene.Values) : [new("version", "0")];
        request.Content = FormPosts.Form(fields, token);
        return await session.Client.SendAsync(request);
    }

    /// <summary>Every field any form of the portal reads, filled so that the step would succeed for someone allowed to take it.</summary>
    private static List<KeyValuePair<string, string>> TakeoverForm(int version, IReadOnlyDictionary<string, string> values)
    {
        var fields = DraftForms.Clean(version);
        fields.AddRange(new Dictionary<string, string>
        {
            ["Year"] = "2025", ["Org"] = values["city"],
            ["ReturnPart"] = "overview", ["ReturnComment"] = "越权退回", ["SecrecyReviewConfirmed"] = "true", ["PublishedOn"] = "2026-01-09",
            ["Reason"] = "越权更正", ["CommentPart"] = "overview", ["CommentText"] = "越权意见",
            ["Form.Name"] = "越权新建的机关", ["Form.Code"] = "TAKEOVER1", ["Form.Kind"] = "Township", ["Form.ParentId"] = values["city"],
            ["Form.UserName"] = "takeover", ["Form.Password"] = "Takeover#2026a", ["Form.DisplayName"] = "越权改名",
            ["Form.Role"] = PortalRoles.Admin, ["Form.OrganizationId"] = values["city"],
            ["disable"] = "true", ["Reset.NewPassword"] = "Takeover#2026a", ["Reset.ConfirmPassword"] = "Takeover#2026a",
            ["Input.CurrentPassword"] = ClerkPortal.Password, ["Input.NewPassword"] = "Takeover#2026a", ["Input.ConfirmPassword"] = "Takeover#2026a",
        });
        return fields;
    }

    private static string FillRoute(AppRoute route, IReadOnlyDictionary<string, string> values, int reportId)
    {
        var path = route.Key[(route.Method.Length + 1)..];
        var id = route.Pattern switch
        {
            _ when route.Pattern.StartsWith("/admin/organizations", StringComparison.Ordinal) => values["admin/organizations"],
            _ when route.Pattern.StartsWith("/admin/users", StringComparison.Ordinal) => values["admin/users"],
            _ when route.Pattern.StartsWith("/review/exports", StringComparison.Ordinal) => values["review/exports"],
            _ => reportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        path = path.Replace("{id:int}", id, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);
        foreach (var name in new[] { "orgCode", "year:int", "year:reportyear", "ext", "number:int", "documentName" })
        {
            path = path.Replace("{" + name + "}", values[name.Split(':')[0]], StringComparison.Ordinal);
        }

        // Routes that need a query to answer at all.
        return path switch
        {
            "/api/v1/stats" or "/stats/rank" => $"{path}?org={values["orgCode"]}&year=2023",
            "/compare" => $"{path}?a={values["orgCode"]}/2023&b={values["orgCode"]}/2023",
            _ => path,
        };
    }

    /// <summary>One route of the app: method, pattern and page handler, named as the matrix names it.</summary>
    private sealed record AppRoute(string Method, string Pattern, string? Handler)
    {
        public string Key
        {
            get
            {
                var pattern = Pattern.Replace("/{handler?}", Handler is null ? string.Empty : "/" + Handler.ToLowerInvariant(), StringComparison.Ordinal);
                return Handler is not null && !Pattern.Contains("{handler?}", StringComparison.Ordinal)
                    ? $"{Method} {pattern}?handler={Handler}"
                    : $"{Method} {pattern}";
            }
        }
    }

    /// <summary>Every route the running portal serves: each Razor page handler and each endpoint with its HTTP methods.</summary>
    private static async Task<IReadOnlyList<AppRoute>> RoutesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.AddRange(compiled.HandlerMethods.Select(h => new AppRoute(h.HttpMethod.ToUpperInvariant(), pattern, h.Name)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Select(m => new AppRoute(m, pattern, null)));
        }

        return routes.DistinctBy(r => r.Key).ToList();
    }

    /// <summary>The data a refused request must leave as it was.</summary>
    private static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var reports = await db.Reports.OrderBy(r => r.Id).Select(r => new { r.Id, r.Version, r.Status }).ToListAsync();
        var organizations = await db.Organizations.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Code, o.ParentId }).ToListAsync();
        var users = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.ConcurrencyStamp, u.SecurityStamp, u.LockoutEnd, u.PasswordHash }).ToListAsync();
        var counts = new[]
        {
            await db.ReviewComments.CountAsync(), await db.ReportCorrections.CountAsync(), await db.ExportJobs.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.ReportSubmissions.CountAsync(),
        };
        return string.Join("\n", reports.Select(r => r.ToString()).Concat(organizations.Select(o => o.ToString()))
            .Concat(users.Select(u => u.ToString())).Append(string.Join(",", counts)));
    }

    private sealed record Scene(ClerkPortal Portal, IReadOnlyList<PortalSession> Sessions, IReadOnlyDictionary<string, string> Values,
        int DraftId, int SubmittedId);

    private static async Task<Scene> SceneAsync(TestDatabase database, string storage)
    {
        var portal = new ClerkPortal(database, demo: false, settings: new Dictionary<string, string>
        {
            ["Storage:Path"] = storage,
            ["Exports:RunWorker"] = "false",
        });
        var city = await portal.CreateOrganizationAsync("矩阵市", kind: OrganizationKind.PeoplesGovernment);
        var streetA = await portal.CreateOrganizationAsync("矩阵市甲街道", city.Id);
        var streetB = await portal.CreateOrganizationAsync("矩阵市乙街道", city.Id);
        var elsewhere = await portal.CreateOrganizationAsync("别的市", kind: OrganizationKind.PeoplesGovernment);
        var spareStreet = await portal.CreateOrganizationAsync("别的市某镇", elsewhere.Id);

        var draft = await portal.CreateReportAsync(streetA.Id, 2025, (report, now) => report.UpdateSections(new ReportSections("甲街道的草稿", null, null), now));
        var submitted = await portal.CreateReportAsync(streetA.Id, 2024, (report, now) =>
        {
            report.UpdateSections(new ReportSections("甲街道2024年的总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        await portal.CreateReportAsync(streetA.Id, 2023, (report, now) =>
        {
            report.UpdateSections(new ReportSections("甲街道2023年的总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(new DateOnly(2024, 1, 15), secrecyReviewConfirmed: true, Actor.System, now);
        });
        await using (var db = database.CreateContext())
        {
            var published = await db.Reports.Include(r => r.Organization).SingleAsync(r => r.OrganizationId == streetA.Id && r.Year == 2023);
            var correction = published.OpenCorrection("更正错字", Actor.System, DateTime.UtcNow);
            correction.UpdateSections(new ReportSections("甲街道2023年的总体情况（更正）。", "问题。", "事项。"), DateTime.UtcNow);
            correction.SubmitWithoutChecks(DateTime.UtcNow);
            published.Approve(DateTime.UtcNow);
            published.Publish(new DateOnly(2024, 2, 1), secrecyReviewConfirmed: true, Actor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var sessions = new List<PortalSession>
        {
            portal.Session(),
            await portal.SignedInAsync(PortalRoles.Clerk, streetA.Id),
            await portal.SignedInAsync(PortalRoles.Clerk, streetB.Id),
            await portal.SignedInAsync(PortalRoles.Reviewer, city.Id),
            await portal.SignedInAsync(PortalRoles.Reviewer, elsewhere.Id),
            await portal.SignedInAsync(PortalRoles.Admin, null),
        };
        var spare = await portal.CreateUserAsync(PortalRoles.Clerk, spareStreet.Id);

        int exportId;
        string spareId;
        await using (var db = database.CreateContext())
        {
            spareId = await db.Users.Where(u => u.UserName == spare).Select(u => u.Id).SingleAsync();
            var reviewerName = await db.Users.Where(u => u.OrganizationId == city.Id).Select(u => u.Id).SingleAsync();
            var queue = new GovInfoPortal.Data.Exports.ExportJobQueue(db, TimeProvider.System);
            var (job, _) = await queue.EnqueueAsync(reviewerName, city.Id, 2023);
            var claim = await queue.TryClaimAsync(job.Id, "matrix", TimeSpan.FromMinutes(2), 3) ?? throw new InvalidOperationException("Export not claimed.");
            Directory.CreateDirectory(storage);
            await File.WriteAllBytesAsync(Path.Combine(storage, "matrix.zip"), [0x50, 0x4b, 0x05, 0x06, .. new byte[18]]);
            Assert.True(await queue.CompleteAsync(claim, "matrix.zip", 22));
            exportId = job.Id;
        }

        var values = new Dictionary<string, string>
        {
            ["city"] = city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["orgCode"] = streetA.Code,
            ["year"] = "2023",
            ["ext"] = "csv",
            ["number"] = "1",
            ["documentName"] = "v1",
            ["admin/organizations"] = streetA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["admin/users"] = spareId,
            ["review/exports"] = exportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new Scene(portal, sessions, values, draft, submitted);
    }
}
