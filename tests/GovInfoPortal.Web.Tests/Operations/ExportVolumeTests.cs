using GovInfoPortal.Web.Exports;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>Exports built by one instance are downloaded through any other: every portal service keeps them on one shared volume.</summary>
public sealed class ExportVolumeTests
{
    /// <summary>Where the image runs the portal (the Dockerfile's WORKDIR, the content root).</summary>
    private const string AppFolder = "/app";

    [Fact]
    public void Every_portal_service_mounts_the_shared_export_volume_at_its_export_folder()
    {
        var compose = ComposeFile.Load();
        var variables = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "compose-secret" };
        var dockerfile = File.ReadAllText(Path.Combine(ComposeFile.RepositoryRoot, "Dockerfile"));
        Assert.Contains($"WORKDIR {AppFolder}", dockerfile, StringComparison.Ordinal);

        Assert.True(compose.PortalServices.Count() >= 2);
        foreach (var service in compose.PortalServices)
        {
            var folder = compose.Environment(service, variables).TryGetValue("Storage__Path", out var configured)
                ? configured
                : $"{AppFolder}/{ExportStorage.DefaultPath}";
            Assert.Contains($"exports:{folder}", compose.Volumes(service));
        }
    }
}
