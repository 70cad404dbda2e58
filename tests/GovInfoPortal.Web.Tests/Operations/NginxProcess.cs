using System.Diagnostics;
using System.Net;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// nginx (Debian's package) ending TLS and balancing round-robin over portal instances on loopback, like the compose
/// "lb" profile: a self-signed certificate (made with openssl), its configuration, logs and temporary files in a
/// directory of its own; stopped by its own process id.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The upstream address ("127.0.0.1:port") that answered each request for <paramref name="path"/> so far, in order. A request
    /// nginx passed on to the next server after an error is logged with every server it tried ("a, b"): the last one answered.
    /// </summary>
    public IReadOnlyList<string> Upstreams(string path) => File.Exists(AccessLog)
        ? File.ReadAllLines(AccessLog).Select(line => line.Split('\t')).Where(f => f.Length == 3 && f[0] == path)
            .Select(f => f[2].Split(", ")[^1]).ToList()
        : [];

    /// <summary>What nginx logged of each request and of its errors (an upstream it could not reach), for a failure's message.</summary>
    public string Log => $"\n--- nginx access log ---\n{Read(AccessLog)}\n--- nginx error log ---\n{Read(Path.Combine(_directory, "error.log"))}";

    private static string Read(string file) => File.Exists(file) ? File.ReadAllText(file) : string.Empty;

    private string AccessLog => Path.Combine(_directory, "access.log");

    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> upstreams)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "nginx is not installed (apt-get install nginx): the load-balancer test needs it.");
        var directory = Directory.CreateTempSubdirectory("govinfo-nginx-").FullName;
        await MakeCertificateAsync(directory);
        var port = PortalProcess.FreePort();
        // max_fails=0: an upstream error passes that one request on to the next server, and never takes a server out of the
        // rotation, so that the alternation the tests rely on holds.
        var servers = string.Concat(upstreams.Select(u => $"        server 127.0.0.1:{u.Port} max_fails=0;\n"));
        var configuration = $$"""
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            worker_processes 1;
            events {}
            http {
                log_format upstream '$uri\t$status\t$upstream_addr';
                access_log {{directory}}/access.log upstream;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream portal {
            {{servers}}    }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{directory}}/cert.pem;
                    ssl_certificate_key {{directory}}/key.pem;
                    ssl_protocols TLSv1.2 TLSv1.3;
                    location / {
                        proxy_pass http://portal;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Request-Id $request_id;
                    }
                }
            }
            """;
        var file = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(file, configuration);

        var start = new ProcessStartInfo(binary, ["-p", directory, "-c", file, "-e", Path.Combine(directory, "error.log")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new NginxProcess(process, directory, port);

        using var client = new HttpClient(TrustingHandler()) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(nginx.BaseAddress, "/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await nginx.DisposeAsync();
        throw new TimeoutException("nginx did not answer in time.");
    }

    /// <summary>A handler that accepts the test's self-signed certificate (and only talks to loopback).</summary>
    public static HttpClientHandler TrustingHandler(CookieContainer? cookies = null) => new()
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    };

    private static async Task MakeCertificateAsync(string directory)
    {
        var start = new ProcessStartInfo("openssl",
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1",
            "-keyout", Path.Combine(directory, "key.pem"), "-out", Path.Combine(directory, "cert.pem"),
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var openssl = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var errors = openssl.StandardError.ReadToEndAsync();
        await openssl.StandardOutput.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl could not make the test certificate: {await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
