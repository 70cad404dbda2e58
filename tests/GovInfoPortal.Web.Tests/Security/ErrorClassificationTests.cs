using GovInfoPortal.Testing;
using GovInfoPortal.Web.Security;
using Npgsql;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// What counts as "the database is unavailable" (503 with Retry-After, stale copies for readers) and not as a fault (500),
/// on a real server whose session is ended under an open transaction, as a restart or failover does.
/// </summary>
public sealed class ErrorClassificationTests
{
    [Theory]
    [PostgresData]
    public async Task A_session_ended_under_a_transaction_is_an_outage_on_every_later_command(TestProvider provider)
    {
        Assert.Equal(TestProvider.Postgres, provider);
        var connectionString = TestEnvironment.PostgresAdminConnection
            ?? throw new InvalidOperationException($"{TestEnvironment.PostgresVariable} is not set.");

        await using var victim = new NpgsqlConnection(connectionString);
        await victim.OpenAsync();
        await using var transaction = await victim.BeginTransactionAsync();
        await using (var pid = new NpgsqlCommand("SELECT pg_backend_pid()", victim, transaction))
        {
            var backend = (int)(await pid.ExecuteScalarAsync())!;
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", admin);
            terminate.Parameters.AddWithValue("pid", backend);
            Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
        }

        var seen = new List<Exception>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await using var next = new NpgsqlCommand("SELECT 1", victim, transaction);
                await next.ExecuteScalarAsync();
            }
            catch (Exception exception)
            {
                seen.Add(exception);
            }
        }

        try
        {
            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            seen.Add(exception);
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, exception => Assert.True(ErrorHandling.IsDatabaseUnavailable(exception),
            $"{exception.GetType().Name}: {exception.Message} was taken for a fault"));
    }

    [Fact]
    public void A_program_error_stays_a_fault()
    {
        Assert.False(ErrorHandling.IsDatabaseUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(ErrorHandling.IsDatabaseUnavailable(new NullReferenceException()));
    }
}
