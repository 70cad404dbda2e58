using System.Net;
using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovInfoPortal.Web.Tests;

public sealed class ObservabilityTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_response_carries_a_request_id_and_a_plain_incoming_one_is_kept()
    {
        await using var portal = new PortalFactory(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var client = portal.CreateClient();

        var generated = await client.GetAsync("/health/live");
        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Request-Id").Single()));

        using var kept = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        kept.Headers.Add("X-Request-Id", "lb-1234.abc");
        Assert.Equal("lb-1234.abc", (await client.SendAsync(kept)).Headers.GetValues("X-Request-Id").Single());

        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        replaced.Headers.Add("X-Request-Id", "<script>");
        Assert.NotEqual("<script>", (await client.SendAsync(replaced)).Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format()
    {
        await using var portal = new PortalFactory(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var client = portal.CreateClient();
        await client.GetAsync("/health/live");

        var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_portal_lets_a_request_in_flight_finish()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var portal = new SlowPathPortal(await databases.SharedAsync(TestProvider.Sqlite), started, release);
        portal.UseKestrel(0);
        portal.StartServer();
        using var client = new HttpClient { BaseAddress = portal.ClientOptions.BaseAddress };

        var inFlight = client.GetAsync("/slow-test-request");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var lifetime = portal.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        await Task.Delay(200);
        release.SetResult();

        var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("完成", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_the_client_abandoned_ends_as_499_not_as_an_exception()
    {
        using var abort = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = abort.Token };
        await abort.CancelAsync();

        await Observability.EndAbandonedRequests(context, c => Task.FromCanceled(c.RequestAborted));

        Assert.Equal(Observability.ClientClosedRequest, context.Response.StatusCode);
        Assert.True(Observability.WasAbandoned(context));
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_cause_is_still_a_fault()
    {
        var context = new DefaultHttpContext();

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            Observability.EndAbandonedRequests(context, _ => Task.FromCanceled(new CancellationToken(canceled: true))));
        Assert.False(Observability.WasAbandoned(context));
    }

    /// <summary>The portal with one extra path that waits until the test lets it answer.</summary>
    private sealed class SlowPathPortal(TestDatabase database, TaskCompletionSource started, TaskCompletionSource release)
        : PortalFactory(database, demo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new SlowPath(started, release)));
        }
    }

    private sealed class SlowPath(TaskCompletionSource started, TaskCompletionSource release) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path == "/slow-test-request")
                {
                    started.SetResult();
                    await release.Task;
                    await context.Response.WriteAsync("完成");
                    return;
                }

                await following(context);
            });
            next(app);
        };
    }
}
