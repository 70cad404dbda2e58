using Npgsql;

namespace GovInfoPortal.Cli.Tests;

/// <summary>
/// A fact on PostgreSQL. Skipped when <c>GOVINFO_TEST_POSTGRES</c> (an admin connection string; see
/// scripts/test-postgres.sh) is missing outside CI; under CI it runs anyway and fails on the missing variable.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "GOVINFO_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (AdminConnection is null && !ci)
        {
            Skip = $"PostgreSQL not configured: set {Variable} (scripts/test-postgres.sh start prints it).";
        }
    }

    public static string? AdminConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}

/// <summary>The database commands on the production provider, in a database of their own that is dropped afterwards.</summary>
public sealed class PostgresCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly string _database = $"govinfo_cli_{Guid.NewGuid():N}";
    private string _connection = string.Empty;

    public Task InitializeAsync()
    {
        var admin = PostgresFactAttribute.AdminConnection;
        if (admin is not null)
        {
            _connection = new NpgsqlConnectionStringBuilder(admin) { Database = _database, Pooling = false }.ConnectionString;
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _folder.Dispose();
        if (PostgresFactAttribute.AdminConnection is { } admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--provider", "Postgres", "--connection", _connection]);

    [PostgresFact]
    public async Task Migrate_import_export_and_seed_work_on_PostgreSQL()
    {
        Assert.True(PostgresFactAttribute.AdminConnection is not null, $"{PostgresFactAttribute.Variable} is not set.");

        var migrated = await RunAsync("migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("数据库：Postgres", migrated.Error, StringComparison.Ordinal);

        var quangang = _folder.Copy("quangang-2023.json");
        var imported = await RunAsync("import", quangang, _folder.Copy("xiyuan-2020.json"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(1, (await RunAsync("import", quangang)).ExitCode);

        var exported = await RunAsync("export", "--year", "2023");
        Assert.True(exported.ExitCode == 0, exported.Error);
        var validated = await CliRunner.RunAsync("validate", "--json", _folder.Write("exported.json", exported.Out));
        Assert.Equal(0, validated.ExitCode);

        var seeded = await RunAsync("seed", "--synthetic", "20", "--years", "2022-2024");
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.StartsWith("已写入合成数据：20 个机关，60 份年度报告", seeded.Out, StringComparison.Ordinal);
    }
}
