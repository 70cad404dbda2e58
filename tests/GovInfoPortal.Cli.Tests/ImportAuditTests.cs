using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Cli.Tests;

/// <summary>What the command line changes is in the audit trail under its own name.</summary>
public sealed class ImportAuditTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_import_is_audited_as_the_command_line()
    {
        var connection = $"Data Source={Path.Combine(_folder.Path, "govinfo.db")};Pooling=False";
        Assert.Equal(0, (await CliRunner.RunAsync("migrate", "--provider", "Sqlite", "--connection", connection)).ExitCode);

        var imported = await CliRunner.RunAsync("import", _folder.Copy("xiyuan-2020.json"), "--provider", "Sqlite", "--connection", connection);

        Assert.True(imported.ExitCode == 0, imported.Error);
        await using var db = new GovInfoDbContext(GovInfoDatabase.CreateOptions(DatabaseProvider.Sqlite, connection));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(ReportActions.Archived, entry.Action);
        Assert.Equal($"命令行（{Environment.UserName}）", entry.UserName);
        Assert.Null(entry.UserId);
        // The file states no publishedOn, so it comes in as a draft.
        Assert.Equal("导入 2020 年度报告草稿", entry.Description);
    }
}
