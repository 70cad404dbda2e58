using System.Reflection;
using Xunit.Sdk;

namespace GovInfoPortal.Testing;

/// <summary>The real databases the data tests run on.</summary>
public enum TestProvider
{
    Sqlite,
    Postgres,
}

public static class TestEnvironment
{
    /// <summary>An admin connection string to a PostgreSQL server (scripts/test-postgres.sh prints one).</summary>
    public const string PostgresVariable = "GOVINFO_TEST_POSTGRES";

    public static string? PostgresAdminConnection =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL cases are skipped, or null when they run (configured, or under CI where they must).</summary>
    public static string? PostgresSkipReason => PostgresAdminConnection is null && !IsCi
        ? $"PostgreSQL not configured: set {PostgresVariable} (scripts/test-postgres.sh start prints it)."
        : null;
}

/// <summary>A theory row on SQLite (always runs).</summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProvider.Sqlite]];
}

/// <summary>
/// A theory row on PostgreSQL. Skipped when <c>GOVINFO_TEST_POSTGRES</c> is missing outside CI; under CI
/// (<c>CI=true</c>) it runs anyway and fails on the missing variable.
/// </summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute() => Skip = TestEnvironment.PostgresSkipReason;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProvider.Postgres]];
}
