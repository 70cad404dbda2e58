using System.Globalization;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Cli.Tests;

/// <summary><c>audit verify</c> on a chain written by imports, then tampered with in raw SQL behind the portal's back.</summary>
public sealed class AuditVerifyCommandTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<CliResult> RunAsync(TestDatabase database, params string[] args) =>
        CliRunner.RunAsync([.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString]);

    /// <summary>A database with the three example reports imported one by one: three chained audit entries.</summary>
    private async Task<TestDatabase> ChainedAsync(TestProvider provider, bool gapBeforeLast = false)
    {
        var database = await databases.CreateAsync(provider);
        foreach (var file in new[] { SampleReports.Quangang2022File, SampleReports.Xiyuan2020File, SampleReports.Quangang2023File })
        {
            if (gapBeforeLast && file == SampleReports.Quangang2023File)
            {
                // Leaves ids unused, for a row to be slipped in between.
                await ExecuteAsync(database, provider == TestProvider.Postgres
                    ? """SELECT setval(pg_get_serial_sequence('"AuditEntries"', 'Id'), (SELECT MAX("Id") FROM "AuditEntries") + 10)"""
                    : """UPDATE sqlite_sequence SET seq = seq + 10 WHERE name = 'AuditEntries'""");
            }

            var imported = await RunAsync(database, "import", _folder.Copy(file));
            Assert.True(imported.ExitCode == 0, imported.Error);
            File.Delete(Path.Combine(_folder.Path, file));
        }

        return database;
    }

    private static async Task<List<long>> IdsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
    }

    /// <summary>Plain SQL on the database's own connection, past EF and its interceptors, as someone with database access would.</summary>
    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_intact_chain_verifies_and_a_changed_field_is_found(TestProvider provider)
    {
        var database = await ChainedAsync(provider);
        var ids = await IdsAsync(database);

        var intact = await RunAsync(database, "audit", "verify");

        Assert.True(intact.ExitCode == 0, intact.Error);
        Assert.StartsWith("审计记录完整：3 条", intact.Out, StringComparison.Ordinal);
        Assert.Contains($"最后一条：编号 {ids[2]}，哈希 ", intact.Out, StringComparison.Ordinal);

        await ExecuteAsync(database, $"""UPDATE "AuditEntries" SET "Description" = '导入 2020 年度报告' WHERE "Id" = {Id(ids[1])}""");
        var changed = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, changed.ExitCode);
        Assert.Contains($"审计记录 {ids[1]} 的内容与其哈希不符：该记录的字段被修改过。", changed.Error, StringComparison.Ordinal);
        Assert.Contains("已校验 1 条完整记录", changed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_deleted_entry_is_found_at_the_entry_after_it(TestProvider provider)
    {
        var database = await ChainedAsync(provider);
        var ids = await IdsAsync(database);

        await ExecuteAsync(database, $"""DELETE FROM "AuditEntries" WHERE "Id" = {Id(ids[1])}""");
        var deleted = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, deleted.ExitCode);
        Assert.Contains($"审计记录 {ids[2]} 与上一条记录 {ids[0]} 链接不上：两者之间的记录被删除过", deleted.Error, StringComparison.Ordinal);

        await ExecuteAsync(database, $"""DELETE FROM "AuditEntries" WHERE "Id" = {Id(ids[0])}""");
        var headless = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, headless.ExitCode);
        Assert.Contains($"审计链的开头缺失：审计记录 {ids[2]} 链接的上一条记录已不存在", headless.Error, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_inserted_entry_is_found_by_name(TestProvider provider)
    {
        var database = await ChainedAsync(provider, gapBeforeLast: true);
        var ids = await IdsAsync(database);
        var forged = ids[1] + 5;
        Assert.True(forged < ids[2]);

        // A copy of an entry with its own made-up link and hash.
        await ExecuteAsync(database, $"""
            INSERT INTO "AuditEntries" ("Id", "ReportId", "CorrectionId", "OrganizationId", "Year", "UserId", "UserName", "At", "Action", "Description", "Changes", "PreviousHash", "Hash")
            SELECT {Id(forged)}, "ReportId", "CorrectionId", "OrganizationId", "Year", "UserId", "UserName", "At", "Action", '删除报告', "Changes", '{new string('e', 64)}', '{new string('f', 64)}'
            FROM "AuditEntries" WHERE "Id" = {Id(ids[1])}
            """);
        var inserted = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, inserted.ExitCode);
        Assert.Contains($"审计记录 {forged} 不属于审计链：其后的记录 {ids[2]} 直接链接到记录 {ids[1]}，该记录是被插入的。", inserted.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_verify_is_a_subcommand()
    {
        var database = await databases.SharedAsync(TestProvider.Sqlite);

        var unknown = await RunAsync(database, "audit", "repair");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("未知的子命令“repair”，可用的子命令：verify", unknown.Error, StringComparison.Ordinal);
    }
}
