using System.Diagnostics;
using System.Net;
using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// Backup and restore as docs/operations.md describes them: a PostgreSQL database dumped with <c>pg_dump -Fc</c>
/// and restored with <c>pg_restore</c> into an empty database, an SQLite database copied by the online backup
/// while the portal runs. The portal started on the restored database serves the same published reports byte for
/// byte, and a session signed in before the backup still holds (the data-protection keys came along).
/// </summary>
public sealed class BackupRestoreTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>
    /// The client tools of the newest PostgreSQL under /usr/lib/postgresql (where Debian keeps them, as
    /// scripts/test-postgres.sh looks them up; PATH may not have them), else the ones on PATH.
    /// </summary>
    private static string Tool(string name) =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
        .Select(folder => Path.Combine(folder, "bin", name))
        .Where(File.Exists)
        .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var version) ? version : 0)
        .FirstOrDefault() ?? name;

    /// <summary>The published reports as a citizen reads them: lists, a report page, downloads, the API.</summary>
    private static readonly string[] Published =
    [
        "/", "/reports?year=2023", "/reports?org=350500", "/reports/350505/2023", "/reports/350505/2023.csv", "/reports/350505/2023.json",
        "/reports/350582003/2020", "/api/v1/reports?year=2023", "/api/v1/reports/350505/2023", "/feed.atom",
    ];

    [Theory]
    [PostgresData]
    public async Task A_pg_dump_restored_into_an_empty_database_serves_the_same_published_reports(TestProvider provider)
    {
        var source = await databases.CreateAsync(provider, migrate: false);
        var backup = Path.Combine(Path.GetTempPath(), $"govinfo-backup-{Guid.NewGuid():N}.dump");
        try
        {
            var (before, cookie) = await ServeAsync(source, signIn: true);

            await RunAsync("pg_dump", source.ConnectionString, "--format=custom", $"--file={backup}");
            var restored = await databases.CreateAsync(provider, migrate: false);
            await RunAsync("pg_restore", restored.ConnectionString, "--no-owner", "--exit-on-error", backup);

            var (after, _) = await ServeAsync(restored, signIn: false, cookie);
            AssertSame(before, after);
        }
        finally
        {
            File.Delete(backup);
        }
    }

    [Theory]
    [SqliteData]
    public async Task An_online_sqlite_backup_restored_as_a_new_file_serves_the_same_published_reports(TestProvider provider)
    {
        var source = await databases.CreateAsync(provider, migrate: false);
        var restored = await databases.CreateAsync(provider, migrate: false);
        var (before, cookie) = await ServeAsync(source, signIn: true, whileRunning: () =>
        {
            // The online backup API (what sqlite3's .backup uses), taken while the portal has the database open.
            using var from = new SqliteConnection(source.ConnectionString);
            using var to = new SqliteConnection(restored.ConnectionString);
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        });

        var (after, _) = await ServeAsync(restored, signIn: false, cookie);
        AssertSame(before, after);
    }

    private static void AssertSame(IReadOnlyDictionary<string, Served> before, IReadOnlyDictionary<string, Served> after)
    {
        foreach (var path in Published)
        {
            Assert.True(before[path].Status == HttpStatusCode.OK, $"{path}: {before[path].Status} before the backup");
            Assert.True(after[path].Status == HttpStatusCode.OK, $"{path}: {after[path].Status} after the restore");
            Assert.True(before[path].Body.SequenceEqual(after[path].Body), $"{path}: the restored portal serves other content");
        }

        Assert.Contains("泉州市泉港区人民政府", System.Text.Encoding.UTF8.GetString(after["/reports/350505/2023"].Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after[SignedInPage].Status);
    }

    private sealed record Served(HttpStatusCode Status, byte[] Body);

    private const string SignedInPage = "/account/password";

    /// <summary>
    /// Starts the demo portal on the database (demo data, published reports of 2018, 2020 and 2023, goes only into an
    /// empty database: the restored one keeps what the backup holds; its demo accounts need demo mode), reads the
    /// published pages and, with <paramref name="cookie"/>, a page that needs the signed-in session; with
    /// <paramref name="signIn"/> it signs an admin in first and returns the session cookie.
    /// </summary>
    private static async Task<(Dictionary<string, Served> Pages, string? Cookie)> ServeAsync(TestDatabase database, bool signIn, string? cookie = null,
        Action? whileRunning = null)
    {
        await using var portal = new ClerkPortal(database, demo: true);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        if (signIn)
        {
            cookie = await SignInCookieAsync(portal, client);
        }

        var pages = new Dictionary<string, Served>();
        foreach (var path in Published)
        {
            using var response = await client.GetAsync(path);
            pages[path] = new Served(response.StatusCode, await response.Content.ReadAsByteArrayAsync());
        }

        if (cookie is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SignedInPage);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            pages[SignedInPage] = new Served(response.StatusCode, []);
        }

        whileRunning?.Invoke();
        return (pages, cookie);
    }

    /// <summary>Signs a new admin in with the login form (cookies carried by hand) and returns the Cookie header of the session.</summary>
    private static async Task<string> SignInCookieAsync(ClerkPortal portal, HttpClient client)
    {
        var userName = await portal.CreateUserAsync(GovInfoPortal.Data.Accounts.PortalRoles.Admin, null);
        using var form = await client.GetAsync(SignIns.LoginPath);
        var antiforgery = Cookies(form);
        var token = FormPosts.TokenOf(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, SignIns.LoginPath)
        {
            Content = FormPosts.Form(SignIns.Fields(userName, ClerkPortal.Password), token),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    /// <summary>Runs a PostgreSQL client tool against the database of <paramref name="connectionString"/>.</summary>
    private static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Tool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--dbname={target.Database}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = target.Host;
        start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = target.Username;
        if (target.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await errors}");
    }
}
