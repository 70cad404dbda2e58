using System.Runtime.CompilerServices;

namespace GovInfoPortal.Web.Tests;

/// <summary>
/// Dozens of portal hosts run side by side in this test process. Each would watch its settings files (and its web
/// root) with an inotify instance of its own, and Linux allows 128 per user: past that, a host fails with an
/// IOException, which a browser sees as an empty error answer. Settings are not reloaded in tests, and the file
/// providers poll instead of holding inotify instances.
/// </summary>
internal static class TestProcessSettings
{
#pragma warning disable CA2255 // Runs once, before any host of this test assembly is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
