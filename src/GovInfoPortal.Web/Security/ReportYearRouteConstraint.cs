using System.Globalization;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Clerk;

namespace GovInfoPortal.Web.Security;

/// <summary>
/// <c>{year:reportyear}</c>: a whole number within <see cref="InputLimits.FirstYear"/>..next year by the portal's
/// clock. An address with any other year matches no route and answers 404 without asking the database.
/// </summary>
public sealed class ReportYearRouteConstraint(TimeProvider time) : IRouteConstraint
{
    public const string Name = "reportyear";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) &&
        Convert.ToString(value, CultureInfo.InvariantCulture) is { } text &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
        InputLimits.YearRefusal(routeKey, year, ClerkDates.Today(time)) is null;
}
