using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovInfoPortal.Data;

/// <summary>
/// Runs hand-written SQL (provider-specific search and aggregate queries) with the table names of the model,
/// through EF Core's own command pipeline: on the context's connection, inside its current transaction and
/// command timeout, logged and seen by the context's command interceptors like every query EF writes.
/// </summary>
internal static class RawSql
{
    /// <summary>Runs a query and hands its reader to <paramref name="read"/>.</summary>
    public static async Task<TResult> ReadAsync<TResult>(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Func<DbDataReader, Task<TResult>> read, CancellationToken cancellationToken)
    {
        var (command, values) = Build(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ParameterObject(db, values), cancellationToken);
        return await read(reader.DbDataReader);
    }

    /// <summary>Runs a query and returns the first column of its first row.</summary>
    public static Task<object?> ScalarAsync(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        var (command, values) = Build(db, sql, parameters);
        return command.ExecuteScalarAsync(ParameterObject(db, values), cancellationToken);
    }

    public static Task<int> ExecuteAsync(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken)
    {
        var (command, values) = Build(db, sql, parameters);
        return command.ExecuteNonQueryAsync(ParameterObject(db, values), cancellationToken);
    }

    /// <summary>The ids in the first column of the result, in order.</summary>
    public static Task<List<int>> IdsAsync(GovInfoDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken) =>
        ReadAsync(db, sql, parameters, async reader =>
        {
            var ids = new List<int>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }

            return ids;
        }, cancellationToken);

    /// <summary>The quoted table name of an entity type.</summary>
    public static string Table<T>(GovInfoDbContext db) => Quote(db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    public static string Quote(string identifier) => $"\"{identifier}\"";

    private static (IRelationalCommand Command, IReadOnlyDictionary<string, object?> Values) Build(GovInfoDbContext db, string sql,
        IEnumerable<(string Name, object? Value)> parameters)
    {
        var connection = db.Database.GetDbConnection();
        var factory = DbProviderFactories.GetFactory(connection)
            ?? throw new InvalidOperationException($"The connection {connection.GetType().Name} names no provider factory.");
        var dbParameters = parameters.Select(p =>
        {
            var parameter = factory.CreateParameter()!;
            parameter.ParameterName = p.Name;
            parameter.Value = p.Value ?? DBNull.Value;
            return (object)parameter;
        }).ToList();
        // The builder takes the text as a composite format string ({0} for positional values); these commands name
        // their parameters, so any brace (PostgreSQL's '{}'::jsonb) is literal.
        var text = sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var raw = db.GetService<IRawSqlCommandBuilder>().Build(text, dbParameters, db.Model);
        return (raw.RelationalCommand, raw.ParameterValues);
    }

    private static RelationalCommandParameterObject ParameterObject(GovInfoDbContext db, IReadOnlyDictionary<string, object?> values) =>
        new(db.GetService<IRelationalConnection>(), values, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw);
}
