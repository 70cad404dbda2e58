using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data.Tests;

public class ConfigurationTests
{
    [Fact]
    public void Sqlite_is_the_default_in_App_Data_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "govinfo-data-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var settings = GovInfoDatabase.ResolveSettings(null, null, root);

            Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
            Assert.Contains(Path.Combine(root, "App_Data", "govinfo.db"), settings.ConnectionString);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Services_use_the_configured_provider_and_its_migrations()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=config_check;Username=postgres",
        }).Build();
        using var services = new ServiceCollection().AddGovInfoDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();
        using var scope = services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<GovInfoDbContext>();

        Assert.True(db.Database.IsNpgsql());
        Assert.Contains(db.Database.GetMigrations(), migration => migration.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Import.ReportImporter>());
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Server_providers_need_a_connection_string(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GovInfoDatabase.ResolveSettings(provider, null, Path.GetTempPath()));
        Assert.Contains("ConnectionStrings:Default", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_in_chinese()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GovInfoDatabase.ParseProvider("Oracle"));
        Assert.Contains("无效", error.Message);
    }
}
