using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using GovInfoPortal.Data;
using Npgsql;
using Xunit;

namespace GovInfoPortal.Testing;

/// <summary>One real database: a temporary SQLite file or a uniquely named PostgreSQL database.</summary>
public sealed class TestDatabase(TestProvider provider, string connectionString, Func<Task> drop)
{
    public TestProvider Provider { get; } = provider;

    /// <summary>The connection string, for a portal or command line started on this database.</summary>
    public string ConnectionString { get; } = connectionString;

    public DbContextOptions<GovInfoDbContext> Options { get; } = GovInfoDatabase.CreateOptions(
        provider == TestProvider.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);

    public GovInfoDbContext CreateContext() => new(Options);

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await new DatabaseMigrator(db).MigrateAsync();
    }

    internal Task DropAsync() => drop();
}

/// <summary>
/// The databases of one test class: one shared, migrated database per provider (tests keep to their own
/// organizations in it), plus fresh ones for tests that need an empty database. All are dropped at the end.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<TestProvider, Lazy<Task<TestDatabase>>> _shared = new();
    private readonly ConcurrentBag<TestDatabase> _created = [];

    /// <summary>A value no other test of the run uses (for organization codes and names).</summary>
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)];

    public Task<TestDatabase> SharedAsync(TestProvider provider) =>
        _shared.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => CreateAsync(p))).Value;

    public async Task<TestDatabase> CreateAsync(TestProvider provider, bool migrate = true)
    {
        var database = provider switch
        {
            TestProvider.Sqlite => CreateSqlite(),
            TestProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        _created.Add(database);
        if (migrate)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "govinfo-data-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(TestProvider.Sqlite, connection, () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = TestEnvironment.PostgresAdminConnection ?? throw new InvalidOperationException(
            $"The PostgreSQL tests must run under CI, but {TestEnvironment.PostgresVariable} is not set. " +
            "Start a server with scripts/test-postgres.sh start and export the line it prints.");
        var name = $"govinfo_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var connectionString = builder.ToString();
        return new TestDatabase(TestProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _created)
        {
            await database.DropAsync();
        }
    }
}
