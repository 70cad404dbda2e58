namespace GovInfoPortal.Web.Admin;

/// <summary>A zh-CN message about one field of a form (null: about the whole form).</summary>
public sealed record FieldError(string? Field, string Message);

/// <summary>The outcome of an admin action: done, or the messages that say why not (nothing was changed).</summary>
public sealed record AdminResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly AdminResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Failed(string? field, string message) => new([new FieldError(field, message)]);
}

public static class AdminResultExtensions
{
    /// <summary>Shows an admin action's messages beside the fields of the form bound under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, AdminResult result, string prefix)
    {
        // A field shows one message: several about one field (a weak password) are joined.
        foreach (var field in result.Errors.GroupBy(e => e.Field))
        {
            modelState.AddModelError(field.Key is null ? string.Empty : $"{prefix}.{field.Key}", string.Join(" ", field.Select(e => e.Message)));
        }
    }
}
