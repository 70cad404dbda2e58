using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovInfoPortal.Data;

/// <summary>
/// Runs hand-written SQL (provider-specific search and aggregate queries) on the context's connection, inside
/// its current transaction and command timeout, with the table names of the model.
/// </summary>
internal static class RawSql
{
    public static async Task<TResult> RunAsync<TResult>(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Func<DbCommand, Task<TResult>> run, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.GetCommandTimeout() is { } timeout)
            {
                command.CommandTimeout = timeout;
            }
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static Task<int> ExecuteAsync(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken) =>
        RunAsync(db, sql, parameters, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>The ids in the first column of the result, in order.</summary>
    public static Task<List<int>> IdsAsync(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken) =>
        RunAsync(db, sql, parameters, async command =>
        {
            var ids = new List<int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }

            return ids;
        }, cancellationToken);

    /// <summary>The quoted table name of an entity type.</summary>
    public static string Table<T>(GovInfoDbContext db) => Quote(db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    public static string Quote(string identifier) => $"\"{identifier}\"";
}
