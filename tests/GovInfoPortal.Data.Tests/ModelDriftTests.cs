using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovInfoPortal.Data.Tests;

/// <summary>The model and each provider's migrations agree (no database needed).</summary>
public class ModelDriftTests
{
    private static GovInfoDbContext ContextFor(DatabaseProvider provider) => new(GovInfoDatabase.CreateOptions(provider, provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=drift-check.db",
        DatabaseProvider.Postgres => "Host=127.0.0.1;Database=drift_check;Username=postgres",
        _ => "Server=127.0.0.1;Database=drift_check;TrustServerCertificate=True;User Id=sa;Password=unused",
    }));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = ContextFor(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a {provider} migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void Sql_server_script_creates_the_tables()
    {
        using var db = ContextFor(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Organizations]", script);
        Assert.Contains("CREATE TABLE [AnnualReports]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AnnualReports_OrganizationId_Year]", script);
        Assert.Contains("WHERE [Code] IS NOT NULL", script);
    }

    [Fact]
    public void Postgres_stores_tables_as_jsonb()
    {
        using var db = ContextFor(DatabaseProvider.Postgres);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("\"Applications\" jsonb NOT NULL", script);
        Assert.Contains("text_pattern_ops", script);
    }
}
