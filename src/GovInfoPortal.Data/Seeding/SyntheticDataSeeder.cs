using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Configurations;
using GovInfoPortal.Data.Peers;
using GovInfoPortal.Data.Search;
using GovInfoPortal.Data.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GovInfoPortal.Data.Seeding;

/// <summary>How much synthetic data to make.</summary>
public sealed record SyntheticSeedOptions
{
    /// <summary>How many organizations (the tree is filled depth first: province, city, district, its townships and departments, …).</summary>
    public int Organizations { get; init; } = 100;

    public int FirstYear { get; init; } = 2019;

    public int LastYear { get; init; } = 2024;

    /// <summary>The share (0–1) of reports that get a deliberate error (a wrong 表三 total).</summary>
    public double ErrorShare { get; init; } = 0.05;

    /// <summary>The same seed makes the same data.</summary>
    public int RandomSeed { get; init; } = 2019;

    /// <summary>Prefix of the synthetic organizations' codes (<c>SYN0000001</c>, …); a run refuses a prefix already in use.</summary>
    public string CodePrefix { get; init; } = "SYN";
}

public enum SeedStage
{
    Organizations,
    Reports,

    /// <summary>The search index of the new published reports.</summary>
    SearchIndex,
}

/// <summary>Progress of a seed: rows of a stage done out of its total.</summary>
public sealed record SeedProgress(SeedStage Stage, long Done, long Total)
{
    /// <summary>A zh-CN line for the console.</summary>
    public string Message => $"{(Stage == SeedStage.Organizations ? "机关" : "年度报告")}：{Done}/{Total}";
}

public sealed record SyntheticSeedResult(int Organizations, int Reports, int ReportsWithErrors, TimeSpan Elapsed);

/// <summary>Thrown when a seed is refused (the message, zh-CN, says why); nothing has been written.</summary>
public sealed class SeedRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Makes a large synthetic dataset for benchmarks: <see cref="SyntheticSeedOptions.Organizations"/> organizations,
/// each with a report for every year of the range in the format of its year, in one transaction. On PostgreSQL
/// it writes with binary COPY; on SQLite and SQL Server with prepared multi-row inserts. It never deletes:
/// it refuses a database that already holds organizations with the same code prefix.
/// </summary>
public sealed class SyntheticDataSeeder(GovInfoDbContext db, TimeProvider? timeProvider = null)
{
    private const int ProgressEvery = 1000;

    public async Task<SyntheticSeedResult> SeedAsync(SyntheticSeedOptions options, IProgress<SeedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var stopwatch = Stopwatch.StartNew();
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var plan = SyntheticReports.PlanTree(options.Organizations, options.CodePrefix).ToList();
        var years = options.LastYear - options.FirstYear + 1;
        long totalReports = (long)plan.Count * years;

        // A bulk load's single statements (ANALYZE, building the search index) may take minutes at scale.
        return await db.WithBulkTimeoutAsync(() => SeedInTransactionAsync(options, progress, plan, totalReports, stopwatch, now, cancellationToken));
    }

    private async Task<SyntheticSeedResult> SeedInTransactionAsync(SyntheticSeedOptions options, IProgress<SeedProgress>? progress,
        List<SyntheticOrganization> plan, long totalReports, Stopwatch stopwatch, DateTime now, CancellationToken cancellationToken)
    {
        var years = options.LastYear - options.FirstYear + 1;
        var organizationsTable = db.Model.FindEntityType(typeof(Organization))!.GetTableName()!;
        var reportsTable = db.Model.FindEntityType(typeof(AnnualReport))!.GetTableName()!;
        var isNpgsql = db.Database.IsNpgsql();
        var isSqlServer = db.Database.IsSqlServer();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        if (isNpgsql)
        {
            await ExecuteAsync(connection, dbTransaction, $"LOCK TABLE {Quote(organizationsTable)} IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        var prefix = options.CodePrefix;
        if (await db.Organizations.AnyAsync(o => o.Code != null && o.Code.StartsWith(prefix), cancellationToken))
        {
            throw new SeedRefusedException($"数据库中已有机关代码以“{prefix}”开头的合成数据，未写入任何数据。请换用其他代码前缀（--prefix），或使用新的数据库。");
        }

        var firstId = (await db.Organizations.MaxAsync(o => (int?)o.Id, cancellationToken) ?? 0) + 1;
        var lastReportBefore = await db.Reports.MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0;
        var ids = new int[plan.Count];
        var paths = new string[plan.Count];
        foreach (var organization in plan)
        {
            var id = firstId + organization.Index;
            ids[organization.Index] = id;
            paths[organization.Index] = (organization.ParentIndex is { } parent ? paths[parent] : Organization.PathSeparator.ToString()) + id + Organization.PathSeparator;
        }

        var organizationRows = plan.Select(o => new object?[]
        {
            ids[o.Index], o.Name, o.Code, (int)o.Kind, o.ParentIndex is { } parent ? ids[parent] : null, paths[o.Index],
        });
        var withErrors = 0;
        IEnumerable<object?[]> ReportRows()
        {
            foreach (var organization in plan)
            {
                var entity = new Organization(organization.Name, organization.Code, organization.Kind);
                foreach (var (report, withError) in SyntheticReports.ReportsOf(organization, entity, options.FirstYear, options.LastYear,
                             options.ErrorShare, options.RandomSeed, now))
                {
                    withErrors += withError ? 1 : 0;
                    yield return
                    [
                        ids[organization.Index], report.Year, (int)report.Format, (int)report.Status,
                        report.Sections.Overview, report.Sections.Problems, report.Sections.OtherMatters,
                        JsonColumns.Write(report.ActiveDisclosure), JsonColumns.Write(report.Applications), JsonColumns.Write(report.ReviewLitigation),
                        report.LegacyDocument, JsonColumns.Write(report.LegacyFigures), report.SignedBy, report.PublishedOn,
                        report.CreatedAt, report.UpdatedAt, report.Version, report.Fingerprint,
                    ];
                }
            }
        }

        if (isNpgsql)
        {
            var npgsql = (NpgsqlConnection)connection;
            await CopyAsync(npgsql, organizationsTable, OrganizationColumns, OrganizationTypes, organizationRows, SeedStage.Organizations, plan.Count, progress, cancellationToken);
            await CopyAsync(npgsql, reportsTable, ReportColumns, ReportTypes, ReportRows(), SeedStage.Reports, totalReports, progress, cancellationToken);
            await ExecuteAsync(connection, dbTransaction,
                $"SELECT setval(pg_get_serial_sequence('{Quote(organizationsTable)}', 'Id'), (SELECT MAX(\"Id\") FROM {Quote(organizationsTable)}))",
                cancellationToken);
        }
        else
        {
            if (isSqlServer)
            {
                await ExecuteAsync(connection, dbTransaction, $"SET IDENTITY_INSERT {Quote(organizationsTable)} ON", cancellationToken);
            }

            await InsertAsync(connection, dbTransaction, organizationsTable, OrganizationColumns, OrganizationTypes, organizationRows, 100,
                SeedStage.Organizations, plan.Count, progress, cancellationToken);
            if (isSqlServer)
            {
                await ExecuteAsync(connection, dbTransaction, $"SET IDENTITY_INSERT {Quote(organizationsTable)} OFF", cancellationToken);
            }

            await InsertAsync(connection, dbTransaction, reportsTable, ReportColumns, ReportTypes, ReportRows(), 50,
                SeedStage.Reports, totalReports, progress, cancellationToken);
        }

        if (isNpgsql)
        {
            // Fresh statistics for the rows just written (ANALYZE sees them inside this transaction), so that the
            // indexing queries below are planned for a million rows and not for the empty tables of before.
            await ExecuteAsync(connection, dbTransaction, $"ANALYZE {Quote(organizationsTable)}", cancellationToken);
            await ExecuteAsync(connection, dbTransaction, $"ANALYZE {Quote(reportsTable)}", cancellationToken);
        }

        // The rows bypassed EF (and so the search interceptor): index the new published reports in bulk.
        var published = await db.Reports.Published().CountAsync(r => r.Id > lastReportBefore, cancellationToken);
        await new ReportSearchIndex(db).IndexNewAsync(lastReportBefore,
            done => progress?.Report(new SeedProgress(SeedStage.SearchIndex, done, published)), cancellationToken);
        // … sum them into the organizations' year totals in bulk (set-based, not report by report) …
        await OrganizationTotals.RebuildAsync(db, cancellationToken);
        // … sign the new reports in the workflow for the peer check …
        await new PeerIndex(db).IndexNewAsync(lastReportBefore, cancellationToken: cancellationToken);
        // … and log the change, so every instance's cached public pages make way for them.
        await ContentChanges.RecordAsync(db, [ContentTags.Everything], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SyntheticSeedResult(plan.Count, (int)totalReports, withErrors, stopwatch.Elapsed);
    }

    private static void Validate(SyntheticSeedOptions options)
    {
        if (options.Organizations is < 1 or > 5_000_000)
        {
            throw new SeedRefusedException("机关数量应在 1 到 5,000,000 之间。");
        }

        if (options.FirstYear < Core.Formats.ReportFormats.MinYear || options.LastYear > Core.Formats.ReportFormats.MaxYear || options.FirstYear > options.LastYear)
        {
            throw new SeedRefusedException($"年度范围 {options.FirstYear}–{options.LastYear} 无效。");
        }

        if (options.ErrorShare is < 0 or > 1)
        {
            throw new SeedRefusedException("含错误报告的比例应在 0 到 1 之间。");
        }

        if (string.IsNullOrWhiteSpace(options.CodePrefix) || options.CodePrefix.Length > Organization.CodeMaxLength - 7)
        {
            throw new SeedRefusedException($"代码前缀不能为空，且不超过 {Organization.CodeMaxLength - 7} 个字符。");
        }
    }

    private static readonly string[] OrganizationColumns =
    [
        nameof(Organization.Id), nameof(Organization.Name), nameof(Organization.Code), nameof(Organization.Kind),
        nameof(Organization.ParentId), nameof(Organization.Path),
    ];

    private static readonly (NpgsqlDbType Npgsql, DbType Ado)[] OrganizationTypes =
    [
        (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Varchar, DbType.String), (NpgsqlDbType.Varchar, DbType.String),
        (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Varchar, DbType.String),
    ];

    /// <summary>Column names are the property names (the narrative parts are named explicitly in the configuration).</summary>
    private static readonly string[] ReportColumns =
    [
        nameof(AnnualReport.OrganizationId), nameof(AnnualReport.Year), nameof(AnnualReport.Format), nameof(AnnualReport.Status),
        nameof(ReportSections.Overview), nameof(ReportSections.Problems), nameof(ReportSections.OtherMatters),
        nameof(AnnualReport.ActiveDisclosure), nameof(AnnualReport.Applications), nameof(AnnualReport.ReviewLitigation),
        nameof(AnnualReport.LegacyDocument), nameof(AnnualReport.LegacyFigures), nameof(AnnualReport.SignedBy), nameof(AnnualReport.PublishedOn),
        nameof(AnnualReport.CreatedAt), nameof(AnnualReport.UpdatedAt), nameof(AnnualReport.Version), nameof(AnnualReport.Fingerprint),
    ];

    private static readonly (NpgsqlDbType Npgsql, DbType Ado)[] ReportTypes =
    [
        (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Integer, DbType.Int32), (NpgsqlDbType.Integer, DbType.Int32),
        (NpgsqlDbType.Text, DbType.String), (NpgsqlDbType.Text, DbType.String), (NpgsqlDbType.Text, DbType.String),
        (NpgsqlDbType.Jsonb, DbType.String), (NpgsqlDbType.Jsonb, DbType.String), (NpgsqlDbType.Jsonb, DbType.String),
        (NpgsqlDbType.Varchar, DbType.String), (NpgsqlDbType.Jsonb, DbType.String), (NpgsqlDbType.Varchar, DbType.String), (NpgsqlDbType.Date, DbType.Date),
        (NpgsqlDbType.TimestampTz, DbType.DateTime2), (NpgsqlDbType.TimestampTz, DbType.DateTime2), (NpgsqlDbType.Integer, DbType.Int32),
        (NpgsqlDbType.Varchar, DbType.AnsiString),
    ];

    private static string Quote(string identifier) => $"\"{identifier}\"";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = BulkCommands.TimeoutSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, (NpgsqlDbType Npgsql, DbType Ado)[] types,
        IEnumerable<object?[]> rows, SeedStage stage, long total, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var copy = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        long done = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(row[i], types[i].Npgsql, cancellationToken);
                }
            }

            Report(progress, stage, ++done, total);
        }

        await importer.CompleteAsync(cancellationToken);
        progress?.Report(new SeedProgress(stage, done, total));
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        (NpgsqlDbType Npgsql, DbType Ado)[] types, IEnumerable<object?[]> rows, int rowsPerStatement, SeedStage stage, long total,
        IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var commands = new Dictionary<int, DbCommand>();
        var batch = new List<object?[]>(rowsPerStatement);
        long done = 0;
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == rowsPerStatement)
                {
                    await FlushAsync();
                }
            }

            await FlushAsync();
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        progress?.Report(new SeedProgress(stage, done, total));

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            if (!commands.TryGetValue(batch.Count, out var command))
            {
                command = CreateInsert(connection, transaction, table, columns, types, batch.Count);
                commands.Add(batch.Count, command);
            }

            for (var r = 0; r < batch.Count; r++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    command.Parameters[r * columns.Length + c].Value = batch[r][c] ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            for (var r = 0; r < batch.Count; r++)
            {
                Report(progress, stage, ++done, total);
            }

            batch.Clear();
        }
    }

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        (NpgsqlDbType Npgsql, DbType Ado)[] types, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r * columns.Length + c}";
                parameter.DbType = types[c].Ado;
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? parameter.ParameterName : ", " + parameter.ParameterName);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static void Report(IProgress<SeedProgress>? progress, SeedStage stage, long done, long total)
    {
        if (done % ProgressEvery == 0)
        {
            progress?.Report(new SeedProgress(stage, done, total));
        }
    }
}
