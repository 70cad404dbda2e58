using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Clerk;

namespace GovInfoPortal.Web.Tests.Operations;

/// <summary>
/// The portal process is killed (SIGKILL) while a clerk's saves pour in on PostgreSQL. After a restart every
/// acknowledged save is there in full, no save is half applied, and the version token still refuses a stale save.
/// </summary>
public sealed partial class KilledPortalTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const int WorkersPerDraft = 2;
    private const int AcknowledgedBeforeKill = 40;
    private static readonly int[] Years = [2022, 2023, 2024];

    /// <summary>The cells each save writes its number into, besides the overview text: one save touches all three tables.</summary>
    private static readonly (string Table, string Row, string Column)[] NumberedCells =
    [
        (TableCodes.ActiveDisclosure, "rules", "made"),
        (TableCodes.Applications, "newlyReceived", "naturalPerson"),
        (TableCodes.Applications, "newlyReceived", "total"),
        (TableCodes.ReviewLitigation, "review", "upheld"),
        (TableCodes.ReviewLitigation, "review", "total"),
    ];

    private sealed record Acknowledged(int ReportId, int Version, int Number);

    [GeneratedRegex("^第(\\d+)次保存的总体情况。$")]
    private static partial Regex OverviewPattern();

    private static string Overview(int number) => $"第{number}次保存的总体情况。";

    /// <summary>Save number <paramref name="number"/>: its number in the overview and in every numbered cell.</summary>
    private static List<KeyValuePair<string, string>> SaveForm(int version, int number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        var fields = DraftForms.Clean(version, NumberedCells.ToDictionary(c => c, _ => (string?)text));
        var overview = DraftInput.SectionField(SectionCodes.Overview);
        return [.. fields.Select(f => f.Key == overview ? new(f.Key, Overview(number)) : f)];
    }

    [Theory]
    [PostgresData]
    public async Task Acknowledged_saves_survive_a_killed_portal_and_none_is_half_applied(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var ids = new List<int>();
        string userName;
        await using (var setup = new ClerkPortal(database, demo: false))
        {
            var street = await setup.CreateOrganizationAsync("保存测试街道");
            foreach (var year in Years)
            {
                ids.Add(await setup.CreateReportAsync(street.Id, year));
            }

            userName = await setup.CreateUserAsync(PortalRoles.Clerk, street.Id);
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = AccountsSetup.TestingEnvironment,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "false",
            ["Exports__RunWorker"] = "false",
        };

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var sent = new ConcurrentDictionary<int, int>();
        var unexpected = new ConcurrentBag<string>();
        await using (var portal = PortalProcess.Start(environment))
        {
            await portal.WaitUntilAsync("/health/ready");
            var session = await SignInAsync(portal, userName);
            var token = await session.TokenAsync();
            var numbers = 0;
            var versions = new Dictionary<int, int>();
            foreach (var id in ids)
            {
                await using var db = database.CreateContext();
                versions[id] = (await db.Reports.FindAsync(id))!.Version;
            }

            // Two writers per draft race each other: the version token lets one of them win each round.
            var writers = ids.SelectMany(id => Enumerable.Range(0, WorkersPerDraft).Select(_ => Task.Run(async () =>
            {
                var version = versions[id];
                while (true)
                {
                    var number = Interlocked.Increment(ref numbers);
                    sent[number] = id;
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/clerk/reports/{id}/edit/save")
                    {
                        Content = FormPosts.Form(SaveForm(version, number), token),
                    };
                    request.Headers.Accept.ParseAdd("application/json");
                    HttpResponseMessage response;
                    string body;
                    try
                    {
                        response = await session.Client.SendAsync(request);
                        body = await response.Content.ReadAsStringAsync();
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // The portal is gone: this save was not acknowledged.
                    }

                    using (response)
                    {
                        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
                        {
                            unexpected.Add($"save {number}: {(int)response.StatusCode} {body}");
                            return;
                        }

                        using var json = JsonDocument.Parse(body);
                        version = json.RootElement.GetProperty("version").GetInt32();
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(new Acknowledged(id, version, number));
                        }
                    }
                }
            }))).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < AcknowledgedBeforeKill && DateTime.UtcNow < deadline && unexpected.IsEmpty)
            {
                await Task.Delay(20);
            }

            await portal.KillAsync(); // SIGKILL, mid-stream
            await Task.WhenAll(writers);
        }

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected));
        Assert.True(acknowledged.Count >= Years.Length, $"only {acknowledged.Count} saves were acknowledged before the kill");

        await using var restarted = PortalProcess.Start(environment);
        await restarted.WaitUntilAsync("/health/ready");
        var clerk = await SignInAsync(restarted, userName);
        foreach (var id in ids)
        {
            var mine = acknowledged.Where(a => a.ReportId == id).OrderBy(a => a.Version).ToList();
            // The version token: no two acknowledged saves of one draft produced the same version.
            Assert.Equal(mine.Count, mine.Select(a => a.Version).Distinct().Count());

            AnnualReport stored;
            await using (var db = database.CreateContext())
            {
                stored = (await db.Reports.FindAsync(id))!;
            }

            // The whole draft is one save: its number stands in the overview and in every numbered cell.
            var match = OverviewPattern().Match(stored.Sections.Overview ?? string.Empty);
            Assert.True(match.Success, $"report {id}: overview \"{stored.Sections.Overview}\" is no save's");
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(id, sent[number]);
            foreach (var (table, row, column) in NumberedCells)
            {
                var values = table switch
                {
                    TableCodes.ActiveDisclosure => stored.ActiveDisclosure,
                    TableCodes.Applications => stored.Applications,
                    _ => stored.ReviewLitigation,
                };
                Assert.True(values[row, column] == number, $"report {id}: {table}.{row}.{column} is {values[row, column]}, not save {number}'s");
            }

            if (mine.Count > 0)
            {
                var last = mine[^1];
                Assert.True(stored.Version >= last.Version, $"report {id}: version {stored.Version} is older than acknowledged version {last.Version}");
                if (stored.Version == last.Version)
                {
                    Assert.Equal(last.Number, number);
                }
                else
                {
                    // A later save committed while its answer was lost in the kill: it must not be one that was acknowledged.
                    Assert.DoesNotContain(acknowledged, a => a.Number == number);
                }
            }

            // After the restart the draft reads back, a stale version is refused and the current one saves.
            var editor = await clerk.GetStringAsync($"/clerk/reports/{id}/edit");
            Assert.Contains(Overview(number), editor, StringComparison.Ordinal);
            var stale = await clerk.PostAsync($"/clerk/reports/{id}/edit/save", SaveForm(stored.Version - 1, 0), fetch: true);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var current = await clerk.PostAsync($"/clerk/reports/{id}/edit/save", SaveForm(stored.Version, 0), fetch: true);
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }
    }

    private static async Task<PortalSession> SignInAsync(PortalProcess portal, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = portal.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var session = new PortalSession(client);
        var response = await session.SignInAsync(userName, ClerkPortal.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
