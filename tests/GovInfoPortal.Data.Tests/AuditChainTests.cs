using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>The audit trail's hash chain as written by saves, alone and side by side, and its bulk-change guard.</summary>
public class AuditChainTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static async Task<int> StartAsync(TestDatabase database, string unique)
    {
        await using var db = database.CreateContext();
        var organization = await TestData.AddOrganizationAsync(db, "街道" + unique, unique);
        var report = AnnualReport.Start(organization, 2023, TestData.Now);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await new AuditChainVerifier(db).VerifyAsync();
    }

    [Theory, SqliteData, PostgresData]
    public async Task Each_entry_names_the_previous_entrys_hash_and_its_own_hash_covers_its_fields(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("chain"));
        await using (var db = database.CreateContext())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            report.SignOff("张三", TestData.Now.AddMinutes(1));
            report.SubmitWithoutChecks(TestData.Now.AddMinutes(2));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var entries = await read.AuditEntries.OrderBy(a => a.Id).ToListAsync();

        Assert.True(entries.Count >= 3);
        Assert.Null(entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(entries, e => Assert.Equal(AuditChain.HashOf(e), e.Hash));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash!));
        var verified = await VerifyAsync(database);
        Assert.True(verified.Intact, verified.Break?.Message);
        Assert.Equal((entries.Count, 0, entries[^1].Hash), (verified.Chained, verified.Unchained, verified.LastHash));
    }

    [Theory, PostgresData]
    public async Task Writers_saving_at_the_same_time_keep_one_unbroken_chain(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await StartAsync(database, DatabaseFixture.Unique("par")));
        }

        // Each writer has its own context and connection, as requests on two portal instances would.
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            for (var step = 1; step <= 4; step++)
            {
                await using var db = database.CreateContext();
                var report = await db.Reports.SingleAsync(r => r.Id == id);
                report.SignOff($"签发人{step}", TestData.Now.AddMinutes(step));
                await db.SaveChangesAsync();
            }
        })));

        var verified = await VerifyAsync(database);
        await using var read = database.CreateContext();
        Assert.True(verified.Intact, verified.Break?.Message);
        Assert.Equal(await read.AuditEntries.CountAsync(), verified.Chained);
        Assert.Equal(8 * 4, await read.AuditEntries.CountAsync(a => a.Action == ReportActions.ContentChanged));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bulk_updates_and_deletes_of_audit_entries_are_refused_before_any_sql(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("bulk"));

        await using var db = database.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.Where(a => a.ReportId == id).ExecuteDeleteAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.AuditEntries.Where(a => a.ReportId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, "改写")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.ReportRevisions.Where(r => r.ReportId == id).ExecuteDeleteAsync());

        var entry = await db.AuditEntries.SingleAsync(a => a.ReportId == id);
        Assert.NotEqual("改写", entry.Description);
    }
}
