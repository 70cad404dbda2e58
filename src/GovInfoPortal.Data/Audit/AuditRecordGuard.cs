using System.Linq.Expressions;
using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovInfoPortal.Data.Audit;

/// <summary>
/// Refuses <c>ExecuteUpdate</c> and <c>ExecuteDelete</c> on audit entries and published revisions before any SQL
/// is made: those bulk operations pass by <see cref="AuditStep"/>, which refuses the same through
/// <c>SaveChanges</c>.
/// </summary>
public sealed class AuditRecordGuard : IQueryExpressionInterceptor
{
    /// <summary>The one instance every context shares: EF keeps query interceptors in its internal services, which a new instance would rebuild.</summary>
    public static readonly AuditRecordGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(queryExpression);
        if (queryExpression is MethodCallExpression { Method.Name: "ExecuteUpdate" or "ExecuteDelete" } call
            && call.Arguments.Count > 0
            && ElementType(call.Arguments[0].Type) is { } type
            && (type == typeof(AuditEntry) || type == typeof(ReportRevision)))
        {
            throw new InvalidOperationException($"{type.Name} records are never changed once written.");
        }

        return queryExpression;
    }

    private static Type? ElementType(Type queryable) =>
        queryable.IsGenericType && typeof(IQueryable).IsAssignableFrom(queryable) ? queryable.GetGenericArguments()[0] : null;
}
