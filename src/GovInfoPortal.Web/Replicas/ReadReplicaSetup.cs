using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovInfoPortal.Web.Replicas;

/// <summary>
/// Read replicas: with <c>ConnectionStrings:GovInfoRead</c> set (PostgreSQL), anonymous public reads go to the standbys
/// that have replayed what the cache has seen (<see cref="ReadReplicas"/>, <see cref="ReadReplicaRouting"/>); without
/// it, nothing changes.
/// </summary>
public static class ReadReplicaSetup
{
    public static IServiceCollection AddReadReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReadReplicas>();
        services.AddHostedService(provider => provider.GetRequiredService<ReadReplicas>());
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ReadReplicas.ConnectionStringName)))
        {
            services.AddHttpContextAccessor();
            // Every context registered by AddGovInfoDatabase takes the container's interceptors.
            services.AddSingleton<IInterceptor, ReadReplicaRouting>();
        }

        return services;
    }

    /// <summary>A public read that a standby failed to answer is answered again from the primary; after the output cache.</summary>
    public static IApplicationBuilder UseReadReplicaFallback(this IApplicationBuilder app) => ReadReplicaRouting.UseReadReplicaFallback(app);
}
