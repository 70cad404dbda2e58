using System.Collections.Concurrent;
using System.Data.Common;
using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Performance;

/// <summary>
/// Counts the SQL commands of one request: an EF Core command interceptor (readers, non-queries and scalars, sync and
/// async) that the portal's context picks up from the container, and a middleware at the very front of the pipeline
/// that gives each request carrying <see cref="Header"/> its own list (an <see cref="AsyncLocal{T}"/>), so that
/// background work of the portal and the test's own database access are never counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    /// <summary>The request header naming a counted request.</summary>
    public const string Header = "X-Test-Command-Count";

    private static readonly AsyncLocal<List<string>?> Current = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<string>>> _requests = new();

    /// <summary>Sends a GET marked for counting, reads the whole answer, and returns it with the commands its request ran.</summary>
    public async Task<(HttpResponseMessage Response, byte[] Body, IReadOnlyList<string> Commands)> GetAsync(HttpClient client, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        var done = _requests.GetOrAdd(id, _ => new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, id);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var commands = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _requests.TryRemove(id, out _);
        return (response, body, commands);
    }

    private RequestDelegate Count(RequestDelegate next) => async context =>
    {
        if (!context.Request.Headers.TryGetValue(Header, out var id) || !_requests.TryGetValue(id.ToString(), out var done))
        {
            await next(context);
            return;
        }

        var commands = new List<string>();
        Current.Value = commands;
        try
        {
            await next(context);
        }
        finally
        {
            Current.Value = null;
            lock (commands)
            {
                done.TrySetResult([.. commands]);
            }
        }
    };

    private static void Record(DbCommand command)
    {
        if (Current.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>Puts the counting middleware in front of the portal's pipeline.</summary>
    private sealed class StartupFilter(CommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(counter.Count);
            next(app);
        };
    }

    /// <summary>The demo portal with the counter in its container and in front of its pipeline; no export worker polling.</summary>
    public sealed class Portal(TestDatabase database, CommandCounter counter) : PortalFactory(database, demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Exports:RunWorker", "false");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IInterceptor>(counter);
                services.AddSingleton<IStartupFilter>(new StartupFilter(counter));
            });
        }
    }
}
