using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// A PostgreSQL primary and a streaming standby made from it with <c>pg_basebackup -R</c>, both on loopback on free
/// ports, in a temporary folder that is removed at the end. The servers run as the postgres user when the tests run
/// as root (the server refuses root), as <c>scripts/test-postgres.sh</c> does. The binaries come from <c>PG_BIN</c>
/// or the newest <c>/usr/lib/postgresql/*/bin</c>; without them the test fails (it runs only where PostgreSQL is expected).
/// </summary>
public sealed class ReplicatedPostgres : IAsyncDisposable
{
    private const string User = "postgres";

    private readonly string _bin;
    private readonly string _folder;
    private bool _standbyRunning;
    private bool _primaryRunning;

    private ReplicatedPostgres(string bin, string folder, int primaryPort, int standbyPort)
    {
        _bin = bin;
        _folder = folder;
        PrimaryPort = primaryPort;
        StandbyPort = standbyPort;
    }

    public int PrimaryPort { get; }

    public int StandbyPort { get; }

    private string PrimaryData => Path.Combine(_folder, "primary");

    private string StandbyData => Path.Combine(_folder, "standby");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A connection string to one server (superuser, trust authentication on loopback).</summary>
    public static string ConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = User, Database = database, Timeout = 5 }.ConnectionString;

    public static async Task<ReplicatedPostgres> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (set PG_BIN or install the postgresql package): the read replica test needs initdb, pg_ctl and pg_basebackup.");
        var folder = Path.Combine(Path.GetTempPath(), $"govinfo-replica-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(folder);
        var cluster = new ReplicatedPostgres(bin, folder, FreePort(), FreePort());
        try
        {
            await cluster.StartServersAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync()
    {
        if (IsRoot)
        {
            await RunAsync("chown", User, _folder);
        }

        await AsPostgresAsync("initdb", "-D", PrimaryData, "-U", User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        // The defaults of initdb already allow this; written down so that the set-up does not depend on them.
        await File.AppendAllTextAsync(Path.Combine(PrimaryData, "postgresql.conf"),
            "\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nfsync = off\nfull_page_writes = off\n");
        await File.AppendAllTextAsync(Path.Combine(PrimaryData, "pg_hba.conf"), "\nhost replication postgres 127.0.0.1/32 trust\n");
        await StartServerAsync(PrimaryData, PrimaryPort, "primary.log");
        _primaryRunning = true;

        await AsPostgresAsync("pg_basebackup", "-h", "127.0.0.1", "-p", PrimaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", User, "-D", StandbyData, "-R", "-X", "stream", "-c", "fast");
        await StartServerAsync(StandbyData, StandbyPort, "standby.log");
        _standbyRunning = true;
    }

    private Task StartServerAsync(string data, int port, string log) => AsPostgresAsync("pg_ctl", "-D", data, "-l", Path.Combine(_folder, log),
        "-w", "-t", "60", "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder}", "start");

    /// <summary>Runs SQL on one server, in the postgres database (for the replication controls) or another.</summary>
    public static async Task<object?> ScalarAsync(int port, string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(port, database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Stops the standby (fast shutdown: its clients are disconnected).</summary>
    public async Task StopStandbyAsync()
    {
        if (_standbyRunning)
        {
            _standbyRunning = false;
            await AsPostgresAsync("pg_ctl", "-D", StandbyData, "-m", "fast", "-w", "stop");
        }
    }

    /// <summary>Stops the primary (fast shutdown), as a restart or a failed primary does; the standby keeps running.</summary>
    public async Task StopPrimaryAsync()
    {
        if (_primaryRunning)
        {
            _primaryRunning = false;
            await AsPostgresAsync("pg_ctl", "-D", PrimaryData, "-m", "fast", "-w", "stop");
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopStandbyAsync();
        }
        finally
        {
            if (_primaryRunning)
            {
                _primaryRunning = false;
                await AsPostgresAsync("pg_ctl", "-D", PrimaryData, "-m", "immediate", "-w", "stop");
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_basebackup")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .LastOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) => IsRoot
        ? RunAsync("runuser", ["-u", User, "--", Path.Combine(_bin, tool), .. arguments])
        : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
