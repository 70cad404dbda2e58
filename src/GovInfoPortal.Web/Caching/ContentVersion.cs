using GovInfoPortal.Data.Caching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// The <see cref="ContentGeneration"/> as this request sees it: read from the database once per request, in a
/// read that starts after the request arrived (<see cref="ContentGenerationReader"/> lets concurrent requests
/// share it), so every instance of the portal agrees on it without talking to the others.
/// </summary>
public sealed class ContentVersion(ContentGenerationReader reader)
{
    private Task<ContentGeneration>? _current;

    public Task<ContentGeneration> GetAsync(CancellationToken cancellationToken = default) =>
        _current ??= reader.ReadAsync(cancellationToken);
}
