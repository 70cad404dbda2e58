using System.CommandLine;
using System.Data.Common;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Database;

/// <summary>
/// What the database commands share: the options that choose the database, the configuration they
/// override, and a scope with the data services of <c>AddGovInfoDatabase</c>.
/// </summary>
internal static class DatabaseCommand
{
    public const string EnvironmentPrefix = "GOVINFO_";

    /// <summary>The options that choose the database, added to the command given; <see cref="RunAsync"/> reads them.</summary>
    public sealed class Options
    {
        private readonly Option<string> _provider = CliOptions.Value("--provider", "NAME", "数据库类型：Sqlite、Postgres 或 SqlServer（覆盖配置项 Database:Provider）");
        private readonly Option<string> _connection = CliOptions.Value("--connection", "STRING", "连接字符串（覆盖配置项 ConnectionStrings:Default）");

        public Options(Command command)
        {
            command.Options.Add(_provider);
            command.Options.Add(_connection);
        }

        public string? Provider(ParseResult result) => result.GetValue(_provider);

        public string? Connection(ParseResult result) => result.GetValue(_connection);
    }

    public static IReadOnlyList<string> Notes { get; } =
    [
        "数据库配置（后者覆盖前者）：程序目录下的 appsettings.json；环境变量 Database__Provider、ConnectionStrings__Default；",
        $"带 {EnvironmentPrefix} 前缀的环境变量（如 {EnvironmentPrefix}ConnectionStrings__Default）；选项 --provider、--connection。",
        $"未配置连接字符串时使用 SQLite 文件：当前目录下的 {GovInfoDatabase.DefaultSqliteFile}。",
    ];

    /// <summary>
    /// Runs <paramref name="action"/> with the data services of the configured database. Unless
    /// <paramref name="requireMigrated"/> is false, a database with pending migrations is refused first.
    /// </summary>
    public static async Task<int> RunAsync(Options options, ParseResult arguments, CliConsole console, bool requireMigrated,
        Func<IServiceProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        ServiceProvider services;
        DatabaseSettings settings;
        try
        {
            var configuration = BuildConfiguration(options, arguments);
            services = new ServiceCollection()
                .AddGovInfoDatabase(configuration, Directory.GetCurrentDirectory())
                .AddPortalIdentityCore()
                // The audit trail names imports and seeds as the command line's, with the account that ran it.
                .AddSingleton<ICurrentActor>(new FixedActor(new Actor(null, $"命令行（{Environment.UserName}）")))
                .BuildServiceProvider();
            settings = services.GetRequiredService<DatabaseSettings>();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // An unknown provider, a missing or malformed connection string: the message is Data's zh-CN text or the provider's own.
            return console.Fail(ExitCodes.BadInput, $"数据库配置无效：{ex.Message}");
        }

        await using (services)
        {
            try
            {
                console.Error.WriteLine($"数据库：{Describe(settings)}");
                await using var scope = services.CreateAsyncScope();
                if (requireMigrated)
                {
                    var pending = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().GetPendingMigrationsAsync(cancellationToken);
                    if (pending.Count > 0)
                    {
                        return console.Fail(ExitCodes.Refused, $"数据库尚未迁移到最新版本（有 {pending.Count} 个迁移未应用），请先运行 {Cli.Name} migrate");
                    }
                }

                return await action(scope.ServiceProvider);
            }
            catch (ArgumentException ex)
            {
                // The provider parses the connection string when the context first connects.
                return console.Fail(ExitCodes.BadInput, $"数据库配置无效：{ex.Message}");
            }
            catch (DbException ex)
            {
                return console.Fail(ExitCodes.Refused, $"数据库操作失败：{ex.Message}");
            }
        }
    }

    private static IConfiguration BuildConfiguration(Options options, ParseResult arguments)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.Provider(arguments) is { } provider)
        {
            overrides[$"{GovInfoDatabase.SectionName}:Provider"] = provider;
        }

        if (options.Connection(arguments) is { } connection)
        {
            overrides[$"ConnectionStrings:{GovInfoDatabase.ConnectionStringName}"] = connection;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Which database is used, without credentials: the SQLite file, or the provider alone.</summary>
    private static string Describe(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}"
        : settings.Provider.ToString();
}
