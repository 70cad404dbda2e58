using GovInfoPortal.Data.Caching;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Caching;

/// <summary>
/// The shared read of the content generation: however many requests ask at once, each gets a value read after it
/// asked, so a change committed before a request never goes unseen by it.
/// </summary>
public sealed class ContentGenerationReaderTests : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();

    [Theory, SqliteData, PostgresData]
    public async Task Every_read_sees_the_changes_committed_before_it_was_asked_for_while_others_read_at_the_same_time(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        var reader = portal.Services.GetRequiredService<ContentGenerationReader>();

        var together = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => reader.ReadAsync())));
        Assert.Single(together.Select(g => g.Stamp).Distinct());

        // Readers keep asking in the background while the generation moves on.
        using var stop = new CancellationTokenSource();
        var background = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                await reader.ReadAsync();
                reads++;
            }

            return reads;
        })).ToList();

        for (var change = 0; change < 20; change++)
        {
            long committed;
            await using (var db = database.CreateContext())
            {
                await ContentGenerations.AdvanceAsync(db);
                committed = (await ContentGenerations.ReadAsync(db)).Stamp;
            }

            Assert.Equal(committed, (await reader.ReadAsync()).Stamp);
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(background), reads => Assert.True(reads > 0));
    }

    [Theory, SqliteData]
    public async Task A_failed_read_fails_the_requests_that_shared_it_and_the_next_read_succeeds(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database);
        var reader = portal.Services.GetRequiredService<ContentGenerationReader>();
        var generation = await reader.ReadAsync();

        await using (var db = database.CreateContext())
        {
            db.ContentGenerations.RemoveRange(db.ContentGenerations);
            await db.SaveChangesAsync();
        }

        var failures = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadAsync())));
        Assert.All(failures, failure => Assert.Contains("not migrated", failure.Message, StringComparison.Ordinal));

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ContentGenerations\" (\"Id\", \"Stamp\", \"ChangedAt\") VALUES (1, {0}, {1})", generation.Stamp + 1, generation.ChangedAt);
        }

        Assert.Equal(generation.Stamp + 1, (await reader.ReadAsync()).Stamp);
    }

    public Task InitializeAsync() => _databases.InitializeAsync();

    public Task DisposeAsync() => _databases.DisposeAsync();
}
