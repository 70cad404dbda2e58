using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>The repository's docker-compose.yml as Docker Compose reads it: merge keys resolved, variables substituted.</summary>
public sealed partial class ComposeFile
{
    private readonly Dictionary<object, object> _services;

    private ComposeFile(Dictionary<object, object> services) => _services = services;

    public static string RepositoryRoot { get; } = FindRoot();

    public static ComposeFile Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot, "docker-compose.yml"));
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return new ComposeFile((Dictionary<object, object>)document["services"]);
    }

    public IEnumerable<string> ServiceNames => _services.Keys.Select(k => (string)k);

    /// <summary>The services built from this repository (the portal instances).</summary>
    public IEnumerable<string> PortalServices => ServiceNames.Where(name => Service(name).ContainsKey("build"));

    public IReadOnlyList<string> Profiles(string service) =>
        Service(service).TryGetValue("profiles", out var profiles) ? ((List<object>)profiles).Cast<string>().ToList() : [];

    /// <summary>A service's environment, <c>${NAME...}</c> replaced from <paramref name="variables"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> variables)
    {
        if (!Service(service).TryGetValue("environment", out var environment))
        {
            return new Dictionary<string, string>();
        }

        var pairs = environment switch
        {
            Dictionary<object, object> map => map.Select(p => ((string)p.Key, p.Value?.ToString() ?? "")),
            List<object> list => list.Cast<string>().Select(line => line.Split('=', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : "")),
            _ => throw new InvalidDataException($"Unexpected environment of {service}."),
        };
        return pairs.ToDictionary(p => p.Item1, p => Substitute(p.Item2, variables));
    }

    /// <summary>The command of a service's health check (the exec form).</summary>
    public IReadOnlyList<string> HealthCheck(string service) =>
        ((List<object>)((Dictionary<object, object>)Service(service)["healthcheck"])["test"]).Cast<string>().ToList();

    public IReadOnlyList<string> Volumes(string service) =>
        Service(service).TryGetValue("volumes", out var volumes) ? ((List<object>)volumes).Cast<string>().ToList() : [];

    private Dictionary<object, object> Service(string name) => (Dictionary<object, object>)_services[name];

    private static string Substitute(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match => variables.TryGetValue(match.Groups["name"].Value, out var replacement)
            ? replacement
            : throw new InvalidDataException($"The compose file uses ${{{match.Groups["name"].Value}}}, which the test does not set."));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docker-compose.yml")) && File.Exists(Path.Combine(directory.FullName, "GovInfoPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with docker-compose.yml) was not found above the test output.");
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}")]
    private static partial Regex Variable();
}
