using GovInfoPortal.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data;

/// <summary>The database products the portal runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file; the default, for a developer machine and small deployments.</summary>
    Sqlite,

    /// <summary>The production database.</summary>
    Postgres,

    SqlServer,
}

/// <summary>Which database to use: the provider and its connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>
/// Builds <see cref="DbContextOptions{GovInfoDbContext}"/> for a provider. Each provider keeps its migrations in
/// its own assembly, <c>GovInfoPortal.Data.Migrations.&lt;Provider&gt;</c>, which the host must reference.
/// </summary>
public static class GovInfoDatabase
{
    /// <summary>The configuration section holding <c>Provider</c>.</summary>
    public const string SectionName = "Database";

    /// <summary>The name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Default";

    /// <summary>The SQLite file used when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/govinfo.db";

    public static string MigrationsAssembly(DatabaseProvider provider) => $"GovInfoPortal.Data.Migrations.{provider}";

    /// <summary>Options for a context on the given provider and connection string (tests, design-time factories).</summary>
    public static DbContextOptions<GovInfoDbContext> CreateOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<GovInfoDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }

    public static DbContextOptions<GovInfoDbContext> CreateOptions(DatabaseSettings settings) =>
        CreateOptions(settings.Provider, settings.ConnectionString);

    /// <summary>Sets the provider, its migrations assembly and its connection string on a builder.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var migrations = MigrationsAssembly(provider);

        // The bulk ExecuteUpdate/ExecuteDelete never reach the save pipeline (GovInfoDbContext.SaveChanges): the guard
        // refuses them on the audit records. A query interceptor is a singleton of EF's internal services, hence one instance.
        builder.AddInterceptors(AuditRecordGuard.Instance);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>Parses <c>Database:Provider</c>: <c>Sqlite</c> (also when empty), <c>Postgres</c>/<c>PostgreSQL</c>/<c>Npgsql</c>, <c>SqlServer</c>.</summary>
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException($"配置项 {SectionName}:Provider 的值“{value}”无效，应为 Sqlite、Postgres 或 SqlServer。"),
    };

    /// <summary>
    /// The settings a host configured: provider from <c>Database:Provider</c>, connection string from
    /// <c>ConnectionStrings:Default</c>. Without a connection string, SQLite uses
    /// <c>App_Data/govinfo.db</c> under <paramref name="contentRootPath"/> (the folder is created); the
    /// other providers require one.
    /// </summary>
    public static DatabaseSettings ResolveSettings(string? provider, string? connectionString, string contentRootPath)
    {
        var parsed = ParseProvider(provider);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new DatabaseSettings(parsed, connectionString);
        }

        if (parsed != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"使用 {parsed} 数据库时必须配置连接字符串 ConnectionStrings:{ConnectionStringName}。");
        }

        var file = Path.GetFullPath(Path.Combine(contentRootPath, DefaultSqliteFile));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
    }
}
