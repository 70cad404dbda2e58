using GovInfoPortal.Data;
using GovInfoPortal.Data.Caching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// The <see cref="ContentGeneration"/> as this request sees it: read from the database once per request (one
/// primary-key lookup of one row), so every instance of the portal agrees on it without talking to the others.
/// </summary>
public sealed class ContentVersion(GovInfoDbContext db)
{
    private Task<ContentGeneration>? _current;

    public Task<ContentGeneration> GetAsync(CancellationToken cancellationToken = default) =>
        _current ??= ContentGenerations.ReadAsync(db, cancellationToken);
}
