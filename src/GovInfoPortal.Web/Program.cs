using GovInfoPortal.Web;
using Serilog;

if (args is ["--health-check", var healthUrl])
{
    // For container health checks: the runtime image has no curl or wget.
    return await HealthProbe.RunAsync(healthUrl);
}

// Logs start-up failures until the host's own logger (configured in AddPortal) takes over.
Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (GovInfoPortal.Web.Accounts.StartupRefusedException)
{
    // Already logged with its reason and fix.
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
