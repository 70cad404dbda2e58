using System.CommandLine;
using System.Globalization;
using GovInfoPortal.Cli.CommandLine;
using GovInfoPortal.Cli.Database;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Cli.Commands;

/// <summary><c>seed</c>: the demo data (idempotent), or with <c>--synthetic N</c> a large synthetic dataset for benchmarks.</summary>
internal static class SeedCommand
{
    private const string Synthetic = "--synthetic";
    private const string Years = "--years";
    private const string Prefix = "--prefix";

    private static readonly SyntheticSeedOptions Defaults = new();

    public static CliCommand Create(CliConsole console, CliYears years)
    {
        var synthetic = CliOptions.Int(Synthetic, "N", "生成 N 个机关的合成数据，每个机关每个年度一份报告", 1, 5_000_000);
        var yearRange = CliOptions.Parsed<(int First, int Last)>(Years, "FROM-TO",
            $"与 {Synthetic} 一起使用：年度范围，如 2019-2024 或 2023（默认 {Defaults.FirstYear}-{Defaults.LastYear}）",
            text => ParseYears(text, years.Last));
        var prefix = CliOptions.Value(Prefix, "TEXT", $"与 {Synthetic} 一起使用：合成机关代码的前缀（默认 {Defaults.CodePrefix}）");
        var command = new CliCommand("seed", $"写入演示数据；或用 {Synthetic} N 生成大规模合成数据（用于性能测试）")
        {
            Notes =
            [
                "不带 --synthetic 时写入演示数据：仅在数据库中还没有任何机关时写入，重复运行不会改变数据。",
                "--synthetic 在一个事务中写入全部合成数据，进度（百分比、每秒行数）显示在标准错误输出；",
                "数据库中已有相同代码前缀的合成数据时拒绝写入。",
                "",
                .. DatabaseCommand.Notes,
                "",
                "退出码：0 成功（含演示数据已存在的情况）；1 被拒绝或数据库操作失败；2 用法或配置错误。",
            ],
        };
        command.Options.Add(synthetic);
        command.Options.Add(yearRange);
        command.Options.Add(prefix);
        var database = new DatabaseCommand.Options(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(synthetic) is null && (result.GetResult(yearRange) is not null || result.GetResult(prefix) is not null))
            {
                result.AddError($"选项 {Years}、{Prefix} 须与 {Synthetic} 一起使用");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            if (result.GetValue(synthetic) is not { } organizations)
            {
                return SeedDemoAsync(database, result, console, cancellationToken);
            }

            var (firstYear, lastYear) = result.GetValue(yearRange) ?? (Defaults.FirstYear, Defaults.LastYear);
            var options = Defaults with
            {
                Organizations = organizations,
                FirstYear = firstYear,
                LastYear = lastYear,
                CodePrefix = result.GetValue(prefix) ?? Defaults.CodePrefix,
            };
            return SeedSyntheticAsync(options, database, result, console, cancellationToken);
        });
        return command;
    }

    private static Task<int> SeedDemoAsync(DatabaseCommand.Options database, ParseResult arguments, CliConsole console, CancellationToken cancellationToken) =>
            DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
            {
                var result = await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
                console.Out.WriteLine(result.Message);
                return ExitCodes.Ok;
            }, cancellationToken);

    private static Task<int> SeedSyntheticAsync(SyntheticSeedOptions options, DatabaseCommand.Options database, ParseResult arguments,
        CliConsole console, CancellationToken cancellationToken) =>
        DatabaseCommand.RunAsync(database, arguments, console, requireMigrated: true, async services =>
        {
            var progress = new SeedProgressDisplay(console.Error, interactive: ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected);
            try
            {
                var result = await services.GetRequiredService<SyntheticDataSeeder>().SeedAsync(options, progress, cancellationToken);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"已写入合成数据：{result.Organizations:N0} 个机关，{result.Reports:N0} 份年度报告（其中 {result.ReportsWithErrors:N0} 份含有意设置的错误），用时 {result.Elapsed.TotalSeconds:N1} 秒。"));
                return ExitCodes.Ok;
            }
            catch (SeedRefusedException ex)
            {
                progress.Close();
                return console.Fail(ExitCodes.Refused, ex.Message);
            }
        }, cancellationToken);

    /// <summary><c>2019-2024</c> or a single year <c>2023</c>, within <see cref="InputLimits.FirstYear"/>..<paramref name="lastYear"/>.</summary>
    private static CliOptions.OneOf<(int First, int Last)> ParseYears(string text, int lastYear)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var last = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            if (first <= last && first >= InputLimits.FirstYear && last <= lastYear)
            {
                return (first, last);
            }
        }

        return $"选项 {Years} 的值“{text}”无效，应为 {InputLimits.FirstYear}–{lastYear} 之间的年度范围，如 2019-2024";
    }
}
