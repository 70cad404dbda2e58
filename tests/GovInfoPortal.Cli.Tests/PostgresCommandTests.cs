using GovInfoPortal.Testing;

namespace GovInfoPortal.Cli.Tests;

/// <summary>The database commands on the production provider, in a database of their own that is dropped afterwards.</summary>
public sealed class PostgresCommandTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private string _connection = string.Empty;

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--provider", "Postgres", "--connection", _connection]);

    [Theory]
    [PostgresData]
    public async Task Migrate_import_export_and_seed_work_on_PostgreSQL(TestProvider provider)
    {
        _connection = (await databases.CreateAsync(provider, migrate: false)).ConnectionString;

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
